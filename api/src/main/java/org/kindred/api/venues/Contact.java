package org.kindred.api.venues;

import org.kindred.api.http.Checks;

public record Contact(String phone, String email, String website) {

    void check(Checks checks) {
        checks.phone("contact.phone", phone).email("contact.email", email, false).url("contact.website", website);
    }
}
