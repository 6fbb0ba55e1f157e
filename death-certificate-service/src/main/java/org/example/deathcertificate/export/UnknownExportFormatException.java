package org.example.deathcertificate.export;

class UnknownExportFormatException extends RuntimeException {

    UnknownExportFormatException(String format) {
        super("Unknown format '" + format + "'; use csv or jsonl");
    }
}
