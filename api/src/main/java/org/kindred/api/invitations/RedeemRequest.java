package org.kindred.api.invitations;

import org.kindred.api.http.Checks;

/** Body of {@code POST /v1/invitations/redeem}. */
public record RedeemRequest(String code) {

    void validate() {
        new Checks().text("code", code, 64, true).throwIfInvalid();
    }
}
