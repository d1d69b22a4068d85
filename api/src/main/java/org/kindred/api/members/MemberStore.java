package org.kindred.api.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Role;

public final class MemberStore {
    private static final String SELECT = """
        SELECT m.id, m.program_id, m.user_id, u.display_name, u.email, m.role, m.enrollment_status,
               m.created_at, m.updated_at
          FROM program_members m JOIN users u ON u.id = m.user_id
        """;

    private final Database db;

    public MemberStore(Database db) {
        this.db = db;
    }

    /** Inserts the membership, or returns false when the person already holds that role there. */
    public boolean insert(Handle handle, Member member) {
        return handle.createUpdate("""
                INSERT INTO program_members (id, program_id, user_id, role, enrollment_status, created_at, updated_at)
                VALUES (:id, :program, :user, :role, :status, :created, :updated)
                ON CONFLICT (program_id, user_id, role) DO NOTHING""")
            .bind("id", member.id())
            .bind("program", member.programId())
            .bind("user", member.userId())
            .bind("role", member.role().name())
            .bind("status", member.enrollmentStatus() == null ? null : member.enrollmentStatus().name())
            .bind("created", member.createdAt().toEpochMilli())
            .bind("updated", member.updatedAt().toEpochMilli())
            .execute() == 1;
    }

    public Optional<Member> find(Handle handle, String programId, String memberId) {
        return handle.createQuery(SELECT + " WHERE m.id = :id AND m.program_id = :program")
            .bind("id", memberId)
            .bind("program", programId)
            .map(MemberStore::member)
            .findOne();
    }

    public Optional<Member> findByRole(String programId, String userId, Role role) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE m.program_id = :program AND m.user_id = :user AND m.role = :role")
            .bind("program", programId)
            .bind("user", userId)
            .bind("role", role.name())
            .map(MemberStore::member)
            .findOne());
    }

    public List<Member> list(String programId, Role role, EnrollmentStatus status, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE m.program_id = :program
                   AND (:role IS NULL OR m.role = :role)
                   AND (:status IS NULL OR m.enrollment_status = :status)
                   AND (:after IS NULL OR m.id > :after)
                 ORDER BY m.id
                 LIMIT :limit""")
            .bind("program", programId)
            .bind("role", role == null ? null : role.name())
            .bind("status", status == null ? null : status.name())
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map(MemberStore::member)
            .list());
    }

    public List<Member> listForUser(String userId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE m.user_id = :user ORDER BY m.id")
            .bind("user", userId)
            .map(MemberStore::member)
            .list());
    }

    public void updateStatus(Handle handle, String id, EnrollmentStatus status, Instant now) {
        handle.createUpdate("UPDATE program_members SET enrollment_status = :status, updated_at = :now WHERE id = :id")
            .bind("id", id)
            .bind("status", status.name())
            .bind("now", now.toEpochMilli())
            .execute();
    }

    public void delete(Handle handle, String id) {
        handle.createUpdate("DELETE FROM program_members WHERE id = :id").bind("id", id).execute();
    }

    private static Member member(ResultSet rs, StatementContext ctx) throws SQLException {
        String status = rs.getString("enrollment_status");
        return new Member(rs.getString("id"), rs.getString("program_id"), rs.getString("user_id"),
            rs.getString("display_name"), rs.getString("email"), Role.valueOf(rs.getString("role")),
            status == null ? null : EnrollmentStatus.valueOf(status), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "updated_at"));
    }
}
