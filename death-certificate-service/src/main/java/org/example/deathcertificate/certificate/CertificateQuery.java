package org.example.deathcertificate.certificate;

import java.time.LocalDate;

/** What to search for; every part is optional. */
public record CertificateQuery(LocalDate dateOfDeathFrom, LocalDate dateOfDeathTo, Status status, Channel channel) {

    public enum Status {
        RECEIVED,
        REVOKED
    }
}
