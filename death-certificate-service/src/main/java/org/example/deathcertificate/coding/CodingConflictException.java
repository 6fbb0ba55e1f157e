package org.example.deathcertificate.coding;

/** The coding changed meanwhile, or the request does not fit the coding's state. */
class CodingConflictException extends RuntimeException {

    CodingConflictException(String message) {
        super(message);
    }
}
