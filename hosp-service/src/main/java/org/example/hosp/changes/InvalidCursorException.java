package org.example.hosp.changes;

/** The {@code after} parameter is not a cursor this feed handed out. */
class InvalidCursorException extends RuntimeException {

    InvalidCursorException() {
        super("after is not a cursor returned by this feed.");
    }
}
