package org.example.fmb.adherence;

import java.util.List;

/** An upload with lines that are not episodes of the format: nothing of it is kept. */
class InvalidEpisodesException extends RuntimeException {

    private final List<LineError> errors;
    private final long invalidLines;

    InvalidEpisodesException(String message, List<LineError> errors, long invalidLines) {
        super(message);
        this.errors = List.copyOf(errors);
        this.invalidLines = invalidLines;
    }

    List<LineError> errors() {
        return errors;
    }

    long invalidLines() {
        return invalidLines;
    }

    /** A line of the file (the header is line 1) and what is wrong with it. */
    record LineError(long line, String message) {}
}
