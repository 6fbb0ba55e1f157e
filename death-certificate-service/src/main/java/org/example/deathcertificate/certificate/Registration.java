package org.example.deathcertificate.certificate;

/** The outcome of handing in a certificate: stored now, or already stored before (stored once). */
public record Registration(String certificateId, boolean created) {}
