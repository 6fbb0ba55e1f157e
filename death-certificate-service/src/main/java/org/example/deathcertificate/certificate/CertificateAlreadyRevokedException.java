package org.example.deathcertificate.certificate;

public class CertificateAlreadyRevokedException extends RuntimeException {

    CertificateAlreadyRevokedException(String certificateId) {
        super("Certificate " + certificateId + " is already revoked.");
    }
}
