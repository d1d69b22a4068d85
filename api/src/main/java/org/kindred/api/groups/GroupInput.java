package org.kindred.api.groups;

import java.util.List;
import java.util.regex.Pattern;
import org.kindred.api.http.Checks;
import org.kindred.api.http.Slugs;

/** What a client may write about a group: the body of a create, and the shape a PATCH is merged into. */
public record GroupInput(
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
    Boolean publishConferenceUrl,
    List<String> facilitatorIds,
    MembershipPolicy membershipPolicy,
    Capacity capacity,
    String timezone,
    Schedule schedule,
    GroupStatus status,
    Boolean petsWelcomeOnline,
    Boolean animalsPresent) {

    private static final Pattern TOPIC = Pattern.compile("^[a-z0-9]+(_[a-z0-9]+)*$");

    static GroupInput of(Group group, List<String> facilitatorIds) {
        return new GroupInput(group.programId(), group.name(), group.slug(), group.description(), group.topics(),
            group.languages(), group.format(), group.venueId(), group.conferenceUrl(), group.conferenceNotes(),
            group.publishConferenceUrl(), facilitatorIds, group.membershipPolicy(), group.capacity(),
            group.timezone(), group.schedule(), group.status(), group.petsWelcomeOnline(), group.animalsPresent());
    }

    /** Fills what a create may leave out: slug from the name, empty lists, open membership, active, no limits. */
    GroupInput forCreate() {
        return new GroupInput(programId, name, slug == null && name != null ? Slugs.of(name, "group") : slug,
            description, topics, languages, format, venueId, conferenceUrl, conferenceNotes, publishConferenceUrl,
            facilitatorIds, membershipPolicy == null ? MembershipPolicy.open : membershipPolicy, capacity, timezone,
            schedule, status == null ? GroupStatus.active : status, petsWelcomeOnline, animalsPresent).withDefaults();
    }

    /** Fills what may be left out or cleared on create and update alike. */
    GroupInput withDefaults() {
        return new GroupInput(programId, name, slug, description, topics == null ? List.of() : topics,
            languages == null ? List.of() : languages, format, venueId, conferenceUrl, conferenceNotes,
            Boolean.TRUE.equals(publishConferenceUrl), facilitatorIds == null ? List.of() : facilitatorIds,
            membershipPolicy, capacity == null ? Capacity.UNLIMITED : capacity, timezone,
            schedule == null ? null : schedule.withDefaults(), status, Boolean.TRUE.equals(petsWelcomeOnline),
            Boolean.TRUE.equals(animalsPresent));
    }

    void validate() {
        Checks checks = new Checks()
            .text("program_id", programId, 64, true)
            .text("name", name, 200, true)
            .slug("slug", slug)
            .required("slug", slug)
            .text("description", description, 5000, false)
            .list("topics", topics, 10)
            .list("languages", languages, 10)
            .required("format", format)
            .text("venue_id", venueId, 64, false)
            .url("conference_url", conferenceUrl)
            .text("conference_notes", conferenceNotes, 1000, false)
            .list("facilitator_ids", facilitatorIds, 20)
            .required("membership_policy", membershipPolicy)
            .timezone("timezone", timezone, true)
            .required("schedule", schedule)
            .required("status", status);
        for (int i = 0; i < topics.size(); i++) {
            String topic = topics.get(i);
            checks.check(topic != null && topic.length() <= 40 && TOPIC.matcher(topic).matches(), "topics[" + i + "]",
                "invalid_format", "must be lowercase words joined by underscores, like peer_support (at most 40 characters)");
        }
        for (int i = 0; i < facilitatorIds.size(); i++) {
            String id = facilitatorIds.get(i);
            checks.check(id == null || id.codePointCount(0, id.length()) <= 64, "facilitator_ids[" + i + "]", "too_long",
                "must be at most 64 characters");
        }
        checks.languageTags("languages", languages);
        capacity.check(checks);
        if (schedule != null) {
            schedule.check(checks);
        }
        if (format != null) {
            if (format.meetsInPerson()) {
                checks.check(venueId != null, "venue_id", "required", "is required for in_person and hybrid groups");
            } else {
                checks.check(venueId == null, "venue_id", "invalid_value", "must be null for virtual groups");
                checks.check(capacity.inPerson() == null, "capacity.in_person", "invalid_value",
                    "must be null for virtual groups");
            }
            if (format.meetsOnline()) {
                checks.check(conferenceUrl != null, "conference_url", "required", "is required for virtual and hybrid groups");
                checks.check(conferenceNotes != null, "conference_notes", "required",
                    "is required for virtual and hybrid groups (how to join, e.g. the passcode or dial-in)");
            } else {
                checks.check(conferenceUrl == null, "conference_url", "invalid_value", "must be null for in_person groups");
                checks.check(capacity.online() == null, "capacity.online", "invalid_value", "must be null for in_person groups");
                checks.check(!petsWelcomeOnline, "pets_welcome_online", "invalid_value",
                    "only groups that meet online can welcome pets on camera");
            }
        }
        checks.throwIfInvalid();
    }
}
