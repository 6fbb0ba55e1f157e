package org.example.deathcertificate.certificate;

public class OriginalNotStoredException extends RuntimeException {

    OriginalNotStoredException(String certificateId) {
        super("Certificate " + certificateId + " did not arrive as XML; there is no original XML");
    }
}
