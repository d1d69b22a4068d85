package org.kindred.api.venues;

import org.kindred.api.http.Checks;

public record Address(String line1, String line2, String city, String region, String postalCode, String country) {

    void check(Checks checks) {
        checks.text("address.line1", line1, 200, true)
            .text("address.line2", line2, 200, false)
            .text("address.city", city, 120, true)
            .text("address.region", region, 120, false)
            .text("address.postal_code", postalCode, 20, false)
            .country("address.country", country, true);
    }
}
