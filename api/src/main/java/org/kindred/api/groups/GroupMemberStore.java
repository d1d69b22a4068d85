package org.kindred.api.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Rows;
import org.kindred.api.http.PageRequest;
import org.kindred.api.members.Member;

public final class GroupMemberStore {
    private static final String SELECT = """
        SELECT gm.id, gm.group_id, gm.user_id, u.display_name, gm.status, gm.created_at, gm.updated_at
          FROM group_members gm JOIN users u ON u.id = gm.user_id
        """;

    private final Database db;

    public GroupMemberStore(Database db) {
        this.db = db;
    }

    /** Inserts the membership, or returns false when the person already belongs to (or asked to join) the group. */
    boolean insert(Handle handle, GroupMember member) {
        return handle.createUpdate("""
                INSERT INTO group_members (id, group_id, user_id, status, created_at, updated_at)
                VALUES (:id, :group, :user, :status, :now, :now)
                ON CONFLICT (group_id, user_id) DO NOTHING""")
            .bind("id", member.id())
            .bind("group", member.groupId())
            .bind("user", member.userId())
            .bind("status", member.status().name())
            .bind("now", member.createdAt().toEpochMilli())
            .execute() == 1;
    }

    Optional<GroupMember> find(Handle handle, String groupId, String memberId) {
        return handle.createQuery(SELECT + " WHERE gm.group_id = :group AND gm.id = :id")
            .bind("group", groupId)
            .bind("id", memberId)
            .map((rs, ctx) -> member(rs))
            .findOne();
    }

    /** The caller's membership status in the group, if any. */
    public Optional<GroupMemberStatus> statusOf(String groupId, String userId) {
        return db.read(handle -> handle.createQuery("SELECT status FROM group_members WHERE group_id = :group AND user_id = :user")
            .bind("group", groupId)
            .bind("user", userId)
            .map((rs, ctx) -> GroupMemberStatus.valueOf(rs.getString("status")))
            .findOne());
    }

    List<GroupMember> allOf(String userId) {
        return db.read(handle -> handle.createQuery(SELECT + " WHERE gm.user_id = :user ORDER BY gm.id")
            .bind("user", userId)
            .map((rs, ctx) -> member(rs))
            .list());
    }

    List<GroupMember> list(String groupId, GroupMemberStatus status, PageRequest page) {
        return db.read(handle -> handle.createQuery(SELECT + """
                 WHERE gm.group_id = :group AND (:status IS NULL OR gm.status = :status)
                   AND (:after IS NULL OR gm.id > :after)
                 ORDER BY gm.id LIMIT :limit""")
            .bind("group", groupId)
            .bind("status", status == null ? null : status.name())
            .bind("after", page.after() == null ? null : page.after().value(0))
            .bind("limit", page.fetchSize())
            .map((rs, ctx) -> member(rs))
            .list());
    }

    void activate(Handle handle, String memberId, Instant now) {
        handle.createUpdate("UPDATE group_members SET status = 'active', updated_at = :now WHERE id = :id")
            .bind("id", memberId)
            .bind("now", now.toEpochMilli())
            .execute();
    }

    /** The person's memberships (active or pending) in the groups of one program. */
    List<GroupMember> inProgram(Handle handle, String programId, String userId) {
        return handle.createQuery(SELECT + """
                 WHERE gm.user_id = :user AND gm.group_id IN (SELECT id FROM peer_groups WHERE program_id = :program)""")
            .bind("user", userId)
            .bind("program", programId)
            .map((rs, ctx) -> member(rs))
            .list();
    }

    /** Whether the person still takes part in the program (participant or mentor) through a role other than this one. */
    boolean takesPartOtherwise(Handle handle, Member role) {
        return handle.createQuery("""
                SELECT EXISTS (SELECT 1 FROM program_members
                                WHERE program_id = :program AND user_id = :user AND id <> :role
                                  AND role IN ('participant', 'mentor'))""")
            .bind("program", role.programId())
            .bind("user", role.userId())
            .bind("role", role.id())
            .mapTo(Boolean.class)
            .one();
    }

    void delete(Handle handle, String memberId) {
        handle.createUpdate("DELETE FROM group_members WHERE id = :id").bind("id", memberId).execute();
    }

    private static GroupMember member(ResultSet rs) throws SQLException {
        return new GroupMember(rs.getString("id"), rs.getString("group_id"), rs.getString("user_id"),
            rs.getString("display_name"), GroupMemberStatus.valueOf(rs.getString("status")),
            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}
