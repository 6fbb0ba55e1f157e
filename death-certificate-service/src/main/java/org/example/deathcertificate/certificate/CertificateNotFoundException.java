package org.example.deathcertificate.certificate;

public class CertificateNotFoundException extends RuntimeException {

    CertificateNotFoundException() {
        super("No death certificate with that id");
    }
}
