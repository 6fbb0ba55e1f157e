package org.example.deathcertificate.certificate;

/** One thing wrong with a certificate: the field (JSON path, or XPath for Schematron rules) and why. */
public record Violation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
