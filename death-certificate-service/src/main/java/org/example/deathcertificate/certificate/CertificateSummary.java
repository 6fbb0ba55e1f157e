package org.example.deathcertificate.certificate;

import java.time.Instant;

/** One hit of a search, without personal data. */
public record CertificateSummary(
        String certificateId,
        String type,
        String version,
        Channel channel,
        String status,
        String dateOfDeath,
        String placeOfDeathMunicipality,
        String replacesCertificateId,
        Instant receivedAt) {

    static CertificateSummary of(DeathCertificate c) {
        return new CertificateSummary(
                c.getCertificateId(),
                c.getCertificateType(),
                c.getVersion(),
                c.getChannel(),
                c.getStatus().name(),
                c.getDateOfDeathText(),
                c.getPlaceOfDeathMunicipality(),
                c.getReplacesCertificateId(),
                c.getReceivedAt());
    }
}
