package org.example.deathcertificate.certificate;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A stored certificate: how and when it came, its state, its links and all its answers. */
public record CertificateDetails(
        String certificateId,
        String type,
        String version,
        Channel channel,
        String status,
        String dateOfDeath,
        Instant receivedAt,
        Instant revokedAt,
        String revocationMessage,
        String replacesCertificateId,

        @Schema(description = "Ids of certificates that replace this one")
        List<String> replacedBy,

        @Schema(description = "Whether the original XML is stored (GET .../original)")
        boolean originalXmlStored,

        NewCertificate answers) {

    static CertificateDetails of(DeathCertificate c, NewCertificate answers, List<String> replacedBy) {
        return new CertificateDetails(
                c.getCertificateId(),
                c.getCertificateType(),
                c.getVersion(),
                c.getChannel(),
                c.getStatus().name(),
                c.getDateOfDeathText(),
                c.getReceivedAt(),
                c.getRevokedAt(),
                c.getRevocationMessage(),
                c.getReplacesCertificateId(),
                replacedBy,
                c.getOriginalXml() != null,
                answers);
    }
}
