package org.kindred.api.sessions;

import java.util.List;
import org.kindred.api.http.Checks;

/** Body of {@code PUT /v1/sessions/{session_id}/attendance}: who attended and who did not. */
public record AttendanceUpdate(List<Entry> records) {

    public record Entry(String userId, AttendanceStatus status) {
    }

    void validate() {
        Checks checks = new Checks().required("records", records).list("records", records, 500);
        if (records != null) {
            for (int i = 0; i < records.size(); i++) {
                Entry entry = records.get(i);
                if (entry != null) {
                    checks.text("records[" + i + "].user_id", entry.userId(), 64, true)
                        .required("records[" + i + "].status", entry.status());
                }
            }
            checks.check(records.stream().filter(e -> e != null).map(Entry::userId).distinct().count()
                == records.stream().filter(e -> e != null).count(), "records", "duplicate", "must name each person once");
        }
        checks.throwIfInvalid();
    }
}
