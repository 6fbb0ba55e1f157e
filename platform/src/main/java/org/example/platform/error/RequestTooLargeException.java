package org.example.platform.error;

import java.io.IOException;

/** A request body grew past the suite's limit while it was being read; the answer is 413. */
public class RequestTooLargeException extends IOException {

    private final long limit;

    public RequestTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The detail of the 413 problem. */
    public static String detail(long limit) {
        String size;
        if (limit >= 1 << 20 && limit % (1 << 20) == 0) {
            size = (limit >> 20) + " MB";
        } else if (limit >= 1 << 10 && limit % (1 << 10) == 0) {
            size = (limit >> 10) + " KB";
        } else {
            size = limit + " bytes";
        }
        return "The request body is larger than " + size + ".";
    }

    /** Whether a failure was, at its root, a body over the limit (frameworks wrap the read error in their own). */
    public static RequestTooLargeException findIn(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return tooLarge;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
