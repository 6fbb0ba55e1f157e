package org.example.hosp.directaccess;

import java.util.List;
import java.util.Map;

/** The licence-check request is malformed; the errors name the index of each broken entry. */
class InvalidLicenceChecksException extends RuntimeException {

    private final List<Map<String, String>> errors;

    InvalidLicenceChecksException(String message, List<Map<String, String>> errors) {
        super(message);
        this.errors = errors;
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
