package org.kindred.api.alerts;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kindred.api.audit.AuditAction;
import org.kindred.api.audit.AuditTrail;
import org.kindred.api.checkins.SafetyLevel;
import org.kindred.api.db.Database;
import org.kindred.api.db.Ids;
import org.kindred.api.http.ApiException;
import org.kindred.api.http.Cursor;
import org.kindred.api.http.Page;
import org.kindred.api.http.PageRequest;
import org.kindred.api.security.Principal;

/** Safety alerts: raised with the check-in that needs them, seen and acknowledged by their recipients only. */
public final class AlertService {
    private final Database db;
    private final AlertStore store;
    private final AuditTrail audit;
    private final Clock clock;

    public AlertService(Database db, AlertStore store, AuditTrail audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Raises an alert inside the caller's transaction, to the participant's mentors and the program's coordinators;
     * to the admins when the program has neither, since the person was told that someone now knows.
     */
    public void raise(Handle handle, String programId, String participantId, SafetyLevel level) {
        String id = Ids.next("alr");
        List<String> recipients = store.recipients(handle, programId, participantId);
        if (recipients.isEmpty()) {
            recipients = store.admins(handle, participantId);
        }
        store.insert(handle, id, programId, participantId, level, recipients, clock.instant());
        audit.record(handle, participantId, AuditAction.alert_created, participantId, id);
    }

    public Page<Alert> list(Principal caller, Boolean acknowledged, PageRequest page) {
        if (page.after() != null) {
            page.after().require(0, value -> Ids.isWellFormed(value, "alr"));
        }
        return Page.of(store.listFor(caller.userId(), acknowledged, page), page, alert -> Cursor.of(alert.id()));
    }

    public Alert acknowledge(Principal caller, String id) {
        return db.write(handle -> {
            Alert alert = store.findFor(handle, id, caller.userId())
                .orElseThrow(() -> ApiException.notFound("alert " + id));
            if (store.acknowledge(handle, id, caller.userId(), clock.instant())) {
                audit.record(handle, caller.userId(), AuditAction.alert_acknowledged, alert.participantId(), id);
            }
            return store.findFor(handle, id, caller.userId()).orElseThrow();
        });
    }

    /** The alerts raised about a person, for their own data export. */
    public List<Alert> about(String participantId) {
        return store.about(participantId);
    }
}
