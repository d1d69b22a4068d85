package org.kindred.api.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.kindred.api.db.Database;
import org.kindred.api.db.ReadCache;
import org.kindred.api.http.ApiException;

/**
 * Which roles a person holds in a program, read from the database and kept only until the next write, so
 * that removing a role takes effect at once.
 */
public final class ProgramRoles {
    private static final int KEPT = 10_000;

    private final Database db;
    private final ReadCache<Holder, Set<Role>> kept;

    public ProgramRoles(Database db) {
        this.db = db;
        this.kept = new ReadCache<>(db, KEPT);
    }

    public Set<Role> of(Principal principal, String programId) {
        return kept.get(new Holder(principal.userId(), programId), this::read);
    }

    private Set<Role> read(Holder holder) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        db.read(handle -> handle.createQuery(
                "SELECT role FROM program_members WHERE user_id = :user AND program_id = :program")
            .bind("user", holder.userId())
            .bind("program", holder.programId())
            .mapTo(String.class)
            .list())
            .forEach(role -> roles.add(Role.valueOf(role)));
        return Collections.unmodifiableSet(roles);
    }

    private record Holder(String userId, String programId) {
    }

    /** Ids of the people holding {@code role} in the program. */
    public Set<String> holders(String programId, Role role) {
        return Set.copyOf(db.read(handle -> handle.createQuery(
                "SELECT user_id FROM program_members WHERE program_id = :program AND role = :role")
            .bind("program", programId)
            .bind("role", role.name())
            .mapTo(String.class)
            .list()));
    }

    /** Admins, and coordinators of the program. */
    public boolean canManage(Principal principal, String programId) {
        return principal.admin() || of(principal, programId).contains(Role.coordinator);
    }

    /** Admins and the program's coordinators and mentors: those who may see its drafts and its people. */
    public boolean isStaff(Principal principal, String programId) {
        if (principal.admin()) {
            return true;
        }
        Set<Role> roles = of(principal, programId);
        return roles.contains(Role.coordinator) || roles.contains(Role.mentor);
    }

    public void requireManager(Principal principal, String programId) {
        if (!canManage(principal, programId)) {
            throw ApiException.forbidden("only the program's coordinators and admins may do this");
        }
    }
}
