package org.example.deathcertificate.certificate;

/** How a certificate reached the authority. */
public enum Channel {
    WEBCERT,
    PAPER,
    API
}
