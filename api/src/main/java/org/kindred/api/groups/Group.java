package org.kindred.api.groups;

import java.time.Instant;
import java.util.List;
import org.kindred.api.http.ReusableJson;

/**
 * A peer-led group. {@code conference_url}, {@code conference_notes} and {@code facilitator_ids} are null for
 * callers who are not its members, facilitators, the program's coordinators or admins; {@code pet_friendly}
 * is computed from the venue's pet policy and {@code pets_welcome_online}.
 */
@ReusableJson
public record Group(
    String id,
    String programId,
    String name,
    String slug,
    String description,
    List<String> topics,
    List<String> languages,
    GroupFormat format,
    String venueId,
    String conferenceUrl,
    String conferenceNotes,
    boolean publishConferenceUrl,
    List<String> facilitatorIds,
    MembershipPolicy membershipPolicy,
    Capacity capacity,
    String timezone,
    Schedule schedule,
    GroupStatus status,
    boolean petsWelcomeOnline,
    boolean animalsPresent,
    boolean petFriendly,
    Instant createdAt,
    Instant updatedAt) {

    /** The public view: says the group meets online, never how to join. */
    Group withoutPrivateDetails() {
        return new Group(id, programId, name, slug, description, topics, languages, format, venueId, null, null,
            publishConferenceUrl, null, membershipPolicy, capacity, timezone, schedule, status, petsWelcomeOnline,
            animalsPresent, petFriendly, createdAt, updatedAt);
    }
}
