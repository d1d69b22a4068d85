package org.kindred.api.mentors;

import java.time.LocalDate;

/** A certification as shown, with {@code current} computed from today's date: an expired one is never current. */
public record HeldCertification(String name, String issuer, LocalDate issuedOn, LocalDate expiresOn, boolean current) {

    Certification asWritten() {
        return new Certification(name, issuer, issuedOn, expiresOn);
    }
}
