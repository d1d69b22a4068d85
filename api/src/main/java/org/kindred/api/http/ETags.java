package org.kindred.api.http;

import java.util.Base64;
import org.kindred.api.security.Secrets;

/** Strong entity tags computed from the exact JSON bytes a caller receives. */
public final class ETags {
    private ETags() {
    }

    public static String of(byte[] representation) {
        byte[] digest = Secrets.sha256(representation);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
    }

    public static String of(Object resource) {
        return of(Json.bytes(resource));
    }

    /** If-None-Match uses the weak comparison: {@code W/"x"} names {@code "x"} too (RFC 9110, 13.1.2). */
    public static boolean matchesWeakly(String header, String etag) {
        return matches(header, etag, true);
    }

    /** If-Match uses the strong comparison: a weak tag never matches (RFC 9110, 13.1.1). */
    public static boolean matchesStrongly(String header, String etag) {
        return matches(header, etag, false);
    }

    private static boolean matches(String header, String etag, boolean weakAllowed) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || weakAllowed && tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a change when the caller's {@code If-Match} no longer names the current representation.
     * A null header means the caller did not ask for the check.
     */
    public static void requireMatch(String ifMatch, Object current) {
        if (ifMatch != null && !matchesStrongly(ifMatch, of(current))) {
            throw new ApiException(ErrorCode.precondition_failed,
                "the resource changed since you read it; fetch it again and reapply your change");
        }
    }
}
