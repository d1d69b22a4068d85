package org.kindred.api.programs;

import java.util.List;
import org.kindred.api.http.Checks;
import org.kindred.api.http.Slugs;

/** What a client may write about a program: the body of a create, and the shape a PATCH is merged into. */
public record ProgramInput(
    String slug,
    String name,
    String description,
    String organizationName,
    String contactEmail,
    String website,
    List<FocusArea> focusAreas,
    List<DeliveryMode> deliveryModes,
    String country,
    String timezone,
    ProgramStatus status,
    EnrollmentPolicy enrollment,
    List<CrisisLine> crisisLines) {

    static ProgramInput of(Program program) {
        return new ProgramInput(program.slug(), program.name(), program.description(), program.organizationName(),
            program.contactEmail(), program.website(), program.focusAreas(), program.deliveryModes(),
            program.country(), program.timezone(), program.status(), program.enrollment(), program.crisisLines());
    }

    /** Fills what a create may leave out: slug from the name, empty lists, draft, invite-only. */
    ProgramInput withDefaults() {
        return new ProgramInput(slug == null && name != null ? Slugs.of(name, "program") : slug, name, description,
            organizationName, contactEmail, website, focusAreas == null ? List.of() : focusAreas,
            deliveryModes == null ? List.of() : deliveryModes, country, timezone,
            status == null ? ProgramStatus.draft : status,
            enrollment == null ? EnrollmentPolicy.invite_only : enrollment,
            crisisLines == null ? List.of() : crisisLines);
    }

    void validate() {
        Checks checks = new Checks()
            .slug("slug", slug)
            .required("slug", slug)
            .text("name", name, 200, true)
            .text("description", description, 5000, false)
            .text("organization_name", organizationName, 200, true)
            .email("contact_email", contactEmail, false)
            .url("website", website)
            .required("focus_areas", focusAreas)
            .list("focus_areas", focusAreas, FocusArea.values().length)
            .required("delivery_modes", deliveryModes)
            .list("delivery_modes", deliveryModes, DeliveryMode.values().length)
            .country("country", country, true)
            .timezone("timezone", timezone, true)
            .required("status", status)
            .required("enrollment", enrollment)
            .required("crisis_lines", crisisLines)
            .list("crisis_lines", crisisLines, 20);
        if (crisisLines != null) {
            for (int i = 0; i < crisisLines.size(); i++) {
                if (crisisLines.get(i) != null) {
                    crisisLines.get(i).check(checks, "crisis_lines[" + i + "]");
                }
            }
        }
        checks.throwIfInvalid();
    }
}
