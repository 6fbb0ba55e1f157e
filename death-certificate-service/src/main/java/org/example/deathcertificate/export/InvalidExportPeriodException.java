package org.example.deathcertificate.export;

class InvalidExportPeriodException extends RuntimeException {

    InvalidExportPeriodException() {
        super("Give either year (YYYY) or month (YYYY-MM), not both");
    }
}
