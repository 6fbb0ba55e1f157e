package org.example.deathcertificate.certificate;

/** The id of a stored certificate came again with other content or from another sender; nothing was changed. */
public class CertificateConflictException extends RuntimeException {

    CertificateConflictException(String clash) {
        super("A certificate with this id is already stored " + clash + "; the new one was not stored");
    }
}
