package org.kindred.api.members;

import java.time.Instant;
import org.kindred.api.security.Role;

/**
 * One role one person holds in one program. {@code email} is shown only to the program's coordinators,
 * admins and the person themself; {@code enrollment_status} only exists for participants.
 */
public record Member(
    String id,
    String programId,
    String userId,
    String displayName,
    String email,
    Role role,
    EnrollmentStatus enrollmentStatus,
    Instant createdAt,
    Instant updatedAt) {

    Member withoutEmail() {
        return new Member(id, programId, userId, displayName, null, role, enrollmentStatus, createdAt, updatedAt);
    }
}
