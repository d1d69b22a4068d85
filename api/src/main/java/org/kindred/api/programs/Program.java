package org.kindred.api.programs;

import java.time.Instant;
import java.util.List;
import org.kindred.api.http.ReusableJson;

@ReusableJson
public record Program(
    String id,
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
    List<CrisisLine> crisisLines,
    Instant createdAt,
    Instant updatedAt) {
}
