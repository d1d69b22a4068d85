package org.kindred.api.audit;

/** What the audit log records: reads of another person's data, the safety path, and a person's own data leaving. */
public enum AuditAction {
    checkin_read,
    progress_read,
    safety_shown,
    alert_created,
    alert_acknowledged,
    data_exported,
    account_erased
}
