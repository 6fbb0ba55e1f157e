package org.example.deathcertificate.certificate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the sender of a certificate hears back: only whether it is stored now or was stored before, never the stored
 * content (reading it needs certificates.read).
 */
public record CertificateReceipt(
        String certificateId,

        @Schema(
                description =
                        "STORED: stored now; ALREADY_STORED: the same certificate from the same sender was stored before")
        Outcome outcome) {

    static CertificateReceipt of(Registration registration) {
        return new CertificateReceipt(
                registration.certificateId(), registration.created() ? Outcome.STORED : Outcome.ALREADY_STORED);
    }

    public enum Outcome {
        STORED,
        ALREADY_STORED
    }
}
