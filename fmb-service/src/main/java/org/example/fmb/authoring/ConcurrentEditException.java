package org.example.fmb.authoring;

import java.time.Instant;

/**
 * Someone else saved the version after the caller loaded it (optimistic locking): who and when (null when the
 * version has no recorded step yet), and the lock version a deliberate save over it must name.
 */
public class ConcurrentEditException extends RuntimeException {

    private final String savedBy;
    private final Instant savedAt;
    private final long currentLockVersion;

    ConcurrentEditException(String message, String savedBy, Instant savedAt, long currentLockVersion) {
        super(message);
        this.savedBy = savedBy;
        this.savedAt = savedAt;
        this.currentLockVersion = currentLockVersion;
    }

    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public long currentLockVersion() {
        return currentLockVersion;
    }
}
