package org.kindred.api.sessions;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A session is one occurrence of a group's schedule, named by the group and the minute the schedule puts it
 * at: {@code ses_} + the group id's body + that minute in base 32. The id stays the same when the session is
 * moved or cancelled, and needs no row until something happens to the session.
 */
public record SessionId(String groupId, Instant occurrenceAt) {
    private static final String GROUP_PREFIX = "grp_";
    private static final int ULID_LENGTH = 26;
    /** Base-32 digits enough for every minute up to the year 9999, and few enough that none overflows. */
    private static final int MAX_MINUTE_DIGITS = 7;

    public String encode() {
        return "ses_" + groupId.substring(GROUP_PREFIX.length())
            + Long.toString(occurrenceAt.getEpochSecond() / 60, 32).toUpperCase(Locale.ROOT);
    }

    public static Optional<SessionId> decode(String text) {
        if (text == null || !text.startsWith("ses_") || text.length() <= 4 + ULID_LENGTH
            || text.length() > 4 + ULID_LENGTH + MAX_MINUTE_DIGITS) {
            return Optional.empty();
        }
        String body = text.substring(4, 4 + ULID_LENGTH);
        String minutes = text.substring(4 + ULID_LENGTH);
        if (!Ulid.isValid(body) || !minutes.matches("[0-9A-V]+")) {
            return Optional.empty();
        }
        return Optional.of(new SessionId(GROUP_PREFIX + body, Instant.ofEpochSecond(Long.parseLong(minutes, 32) * 60)));
    }
}
