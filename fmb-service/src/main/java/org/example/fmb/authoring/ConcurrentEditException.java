package org.example.fmb.authoring;

/** Someone else saved the version after the caller loaded it (optimistic locking). */
public class ConcurrentEditException extends RuntimeException {
    ConcurrentEditException(String message) {
        super(message);
    }
}
