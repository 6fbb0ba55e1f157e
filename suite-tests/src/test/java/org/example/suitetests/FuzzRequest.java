package org.example.suitetests;

import java.nio.charset.StandardCharsets;

/**
 * One generated request: the operation it aims at (for grouping findings), what was changed, and the request itself.
 * {@code pathAndQuery} is already encoded as it goes on the wire; {@code contentType} null sends none.
 */
record FuzzRequest(
        String operation, String mutation, String method, String pathAndQuery, String contentType, byte[] body) {

    static FuzzRequest of(
            String operation, String mutation, String method, String pathAndQuery, String contentType, String body) {
        return new FuzzRequest(
                operation,
                mutation,
                method,
                pathAndQuery,
                contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest withContentType(String mutation, String newContentType) {
        return new FuzzRequest(operation, mutation, method, pathAndQuery, newContentType, body);
    }

    /** The body for a report: its start, with control characters made visible. */
    String bodyExcerpt() {
        if (body == null) {
            return "";
        }
        return FuzzAnswer.visible(new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8))
                + (body.length > 300 ? "… (" + body.length + " bytes)" : "");
    }
}
