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

    /** True when an {@code If-None-Match} or {@code If-Match} header value names {@code etag} (or is *). */
    public static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
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
        if (ifMatch != null && !matches(ifMatch, of(current))) {
            throw new ApiException(ErrorCode.precondition_failed,
                "the resource changed since you read it; fetch it again and reapply your change");
        }
    }
}
