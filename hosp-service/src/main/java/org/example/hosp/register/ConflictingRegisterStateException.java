package org.example.hosp.register;

/** The update contradicts what the register already holds (a licence issued twice, a revoked licence revoked). */
class ConflictingRegisterStateException extends RuntimeException {

    ConflictingRegisterStateException(String message) {
        super(message);
    }
}
