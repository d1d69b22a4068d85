package org.kindred.api.audit;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.kindred.api.db.Ids;
import org.kindred.api.db.Database;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Principal;
import org.kindred.api.security.Secrets;

/**
 * Writes audit rows inside the caller's transaction, so an audited action and its row commit or fail
 * together. The request id comes from the request being served on this thread.
 */
public final class AuditTrail {
    private static final ThreadLocal<String> REQUEST = new ThreadLocal<>();

    private final AuditStore store;
    private final Clock clock;

    public AuditTrail(Database db, Clock clock) {
        this.store = new AuditStore(db);
        this.clock = clock;
    }

    /** Binds the request being served on this thread; the HTTP layer calls it before and clears it after. */
    public static void bindRequest(String requestId) {
        REQUEST.set(requestId);
    }

    public static void clearRequest() {
        REQUEST.remove();
    }

    public void record(Handle handle, String actorId, AuditAction action, String subjectId, String objectId) {
        store.insert(handle, clock.instant(), actorId, action, subjectId, objectId, REQUEST.get());
    }

    public Page<AuditEntry> list(Principal caller, AuditFilter filter, PageRequest page) {
        if (!caller.admin()) {
            throw ApiException.forbidden("only admins read the audit log");
        }
        if (page.after() != null) {
            page.after().require(0, value -> value.matches("\\d{1,18}"));
        }
        return Page.of(store.list(filter, page), page, entry -> Cursor.of(Long.toString(entry.id())));
    }

    /** After an erasure the log keeps its entries but names the person by a pseudonym. */
    public void pseudonymise(Handle handle, String userId) {
        store.pseudonymise(handle, userId, "erased_" + Secrets.sha256Hex(userId + Ids.next("salt")).substring(0, 16));
    }
}
