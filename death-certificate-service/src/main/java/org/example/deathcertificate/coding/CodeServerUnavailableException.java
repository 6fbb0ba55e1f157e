package org.example.deathcertificate.coding;

/** The code server did not answer; nothing can be suggested or validated now. */
class CodeServerUnavailableException extends RuntimeException {

    CodeServerUnavailableException(Throwable cause) {
        super("The code server could not be reached; try again shortly", cause);
    }
}
