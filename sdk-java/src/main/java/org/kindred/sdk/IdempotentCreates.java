package org.kindred.sdk;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The operations that honour {@code Idempotency-Key}: every create. The client gives each such request a key
 * of its own unless the caller chose one, so a retry can never create twice. A test holds this list to the
 * contract.
 */
final class IdempotentCreates {
    static final String HEADER = "Idempotency-Key";

    static final List<String> PATHS = List.of(
        "/v1/auth/register",
        "/v1/programs",
        "/v1/programs/{program_id}/members",
        "/v1/programs/{program_id}/enrollments",
        "/v1/programs/{program_id}/invitations",
        "/v1/invitations/redeem",
        "/v1/venues",
        "/v1/groups",
        "/v1/groups/{group_id}/members",
        "/v1/mentorships",
        "/v1/mentorships/{mentorship_id}/meetings",
        "/v1/checkins",
        "/v1/checkins/{checkin_id}/encouragements");

    private static final List<Pattern> PATTERNS = PATHS.stream()
        .map(path -> Pattern.compile(".*" + path.replaceAll("\\{[a-z_]+}", "[^/]+") + "/?"))
        .toList();

    private IdempotentCreates() {
    }

    static boolean covers(String method, URI uri) {
        return method.equals("POST") && PATTERNS.stream().anyMatch(pattern -> pattern.matcher(uri.getPath()).matches());
    }
}
