package org.kindred.api.mentors;

import java.time.LocalDate;
import org.kindred.api.http.Checks;

/** A training a mentor holds, as written: name, who issued it, when, and until when. */
public record Certification(String name, String issuer, LocalDate issuedOn, LocalDate expiresOn) {

    void check(Checks checks, String field) {
        checks.text(field + ".name", name, 200, true).text(field + ".issuer", issuer, 200, true);
        if (issuedOn != null && expiresOn != null) {
            checks.check(expiresOn.isAfter(issuedOn), field + ".expires_on", "out_of_range", "must be after issued_on");
        }
    }

    /** As shown: {@code current} is false once it has expired, whatever else it says. */
    HeldCertification held(LocalDate today) {
        return new HeldCertification(name, issuer, issuedOn, expiresOn,
            (issuedOn == null || !issuedOn.isAfter(today)) && (expiresOn == null || !expiresOn.isBefore(today)));
    }
}
