package org.example.deathcertificate.certificate;

public class CertificateNotFoundException extends RuntimeException {

    CertificateNotFoundException(String certificateId) {
        super("No death certificate with id " + certificateId);
    }
}
