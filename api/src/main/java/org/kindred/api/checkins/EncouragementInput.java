package org.kindred.api.checkins;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/checkins/{checkin_id}/encouragements}. */
public record EncouragementInput(String message) {

    void validate() {
        new Checks().text("message", message, 500, true).throwIfInvalid();
    }
}
