package org.kindred.api.programs;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.db.Sql;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.ETags;
import org.kindred.api.http.ErrorCode;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Principal;
import org.kindred.api.security.ProgramRoles;

/**
 * Programs: admins create and delete them, their coordinators edit them. Everyone sees active programs;
 * drafts and archived ones only their staff and admins (to anyone else they do not exist).
 */
public final class ProgramService {
    private final Database db;
    private final ProgramStore store;
    private final ProgramRoles roles;
    private final Clock clock;

    public ProgramService(Database db, ProgramStore store, ProgramRoles roles, Clock clock) {
        this.db = db;
        this.store = store;
        this.roles = roles;
        this.clock = clock;
    }

    public Program create(Principal caller, ProgramInput request) {
        if (!caller.admin()) {
            throw ApiException.forbidden("only admins create programs");
        }
        ProgramInput input = request.withDefaults();
        input.validate();
        requireCrisisLinesIfActive(input);
        Instant now = clock.instant();
        Program program = build(Ids.next("prg"), input, now, now);
        return db.write(handle -> {
            requireFreeSlug(handle, program.slug(), null);
            store.insert(handle, program);
            return program;
        });
    }

    public Program get(Optional<Principal> viewer, String id) {
        return visible(viewer, store.find(id).orElse(null), id);
    }

    /** The program, whoever may see it: for other features acting on a program already checked. */
    public Program byId(String id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("program " + id));
    }

    /** True when the program exists and is active, so anyone may see it. */
    public boolean isPublic(String id) {
        return store.find(id).map(program -> program.status() == ProgramStatus.active).orElse(false);
    }

    public Page<Program> list(Optional<Principal> viewer, ProgramStore.Filter filter, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "prg"));
        }
        return Page.of(store.list(filter, page), page, program -> Cursor.of(program.id()));
    }

    /** Applies {@code change} to the program's current input shape, if the caller manages it. */
    public Program update(Principal caller, String id, String ifMatch, UnaryOperator<ProgramInput> change) {
        return db.write(handle -> {
            Program current = visible(Optional.of(caller), store.find(handle, id).orElse(null), id);
            roles.requireManager(caller, id);
            ETags.requireMatch(ifMatch, current);
            ProgramInput input = change.apply(ProgramInput.of(current));
            input.validate();
            if (!current.status().canBecome(input.status())) {
                throw new ApiException(ErrorCode.invalid_transition,
                    "a program cannot go from " + current.status() + " to " + input.status()
                        + "; programs go draft → active → archived");
            }
            requireCrisisLinesIfActive(input);
            requireFreeSlug(handle, input.slug(), id);
            Program updated = build(id, input, current.createdAt(), clock.instant());
            store.update(handle, updated);
            if (updated.status() != current.status()) {
                store.touchContents(handle, id, updated.updatedAt());
            }
            return updated;
        });
    }

    public void delete(Principal caller, String id, String ifMatch) {
        if (!caller.admin()) {
            visible(Optional.of(caller), store.find(id).orElse(null), id);
            throw ApiException.forbidden("only admins delete programs; coordinators can archive them");
        }
        try {
            db.useWrite(handle -> {
                Program current = store.find(handle, id).orElseThrow(() -> ApiException.notFound("program " + id));
                ETags.requireMatch(ifMatch, current);
                store.delete(handle, id);
            });
        } catch (RuntimeException e) {
            if (Sql.isForeignKeyViolation(e)) {
                throw new ApiException(ErrorCode.program_not_empty,
                    "the program still has members or other records; archive it instead, which keeps everyone's data");
            }
            throw e;
        }
    }

    private Program visible(Optional<Principal> viewer, Program program, String id) {
        if (program == null || program.status() != ProgramStatus.active
            && viewer.map(p -> !roles.isStaff(p, id)).orElse(true)) {
            throw ApiException.notFound("program " + id);
        }
        return program;
    }

    private void requireFreeSlug(Handle handle, String slug, String exceptId) {
        if (store.slugTaken(handle, slug, exceptId)) {
            throw new ApiException(ErrorCode.slug_taken, "another program already uses the slug " + slug);
        }
    }

    /**
     * Someone in crisis is shown the program's lines for its own country (never another country's), so an
     * active program needs at least one of those.
     */
    private static void requireCrisisLinesIfActive(ProgramInput input) {
        if (input.status() == ProgramStatus.active
            && input.crisisLines().stream().noneMatch(line -> line.country().equals(input.country()))) {
            throw new ApiException(ErrorCode.unprocessable, "an active program needs at least one crisis line in its own "
                + "country (" + input.country() + "), so that anyone in crisis is shown where to get help");
        }
    }

    private static Program build(String id, ProgramInput in, Instant createdAt, Instant updatedAt) {
        return new Program(id, in.slug(), in.name(), in.description(), in.organizationName(), in.contactEmail(),
            in.website(), in.focusAreas(), in.deliveryModes(), in.country(), in.timezone(), in.status(),
            in.enrollment(), in.crisisLines(), createdAt, updatedAt);
    }
}
