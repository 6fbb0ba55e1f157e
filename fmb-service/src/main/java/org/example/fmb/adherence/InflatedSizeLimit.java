package org.example.fmb.adherence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.example.platform.error.RequestTooLargeException;

/**
 * Counts the bytes a gzip body inflates to, as they are read, and stops at a limit: the size limit of the request
 * counts the compressed bytes, and a small gzip body can inflate to far more than any file of episodes (a 413).
 */
class InflatedSizeLimit extends FilterInputStream {

    private final long limit;
    private long read;

    InflatedSizeLimit(InputStream inflated, long limit) {
        super(inflated);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int bytes) throws RequestTooLargeException {
        read += bytes;
        if (read > limit) {
            throw new RequestTooLargeException(limit);
        }
    }
}
