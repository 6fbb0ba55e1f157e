package org.example.deathcertificate.statistics;

import java.time.LocalDate;

class InvalidPeriodException extends RuntimeException {

    InvalidPeriodException(LocalDate from, LocalDate to) {
        super("'to' (" + to + ") is before 'from' (" + from + ")");
    }
}
