package org.example.deathcertificate.certificate;

public class OriginalNotStoredException extends RuntimeException {

    OriginalNotStoredException() {
        super("The certificate did not arrive as XML; there is no original XML");
    }
}
