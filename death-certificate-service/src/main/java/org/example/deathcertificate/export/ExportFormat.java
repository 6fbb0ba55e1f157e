package org.example.deathcertificate.export;

import org.springframework.http.MediaType;

/** CSV (RFC 4180, UTF-8, CRLF) or JSON Lines (one JSON object per line, LF). */
public enum ExportFormat {
    CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
    JSONL("jsonl", MediaType.parseMediaType("application/jsonl"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }
}
