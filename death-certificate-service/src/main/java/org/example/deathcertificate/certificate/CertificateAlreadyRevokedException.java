package org.example.deathcertificate.certificate;

public class CertificateAlreadyRevokedException extends RuntimeException {

    CertificateAlreadyRevokedException() {
        super("Certificate is already revoked.");
    }
}
