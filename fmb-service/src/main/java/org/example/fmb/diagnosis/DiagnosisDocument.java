package org.example.fmb.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.example.fmb.authoring.PublishedDiagnosis;

/**
 * One published diagnosis as the JSON of its {@link DiagnosisDetails}, serialized once per published version with
 * its ETag and Last-Modified, so that a lookup only appends {@code requestedCode} and {@code matchedCode}. The bytes
 * are exactly those Jackson writes for the whole record: the two code fields are its last components.
 */
final class DiagnosisDocument {

    /** The end of the JSON for a lookup by id: both code fields null, and the closing brace. Not to be changed. */
    static final byte[] NO_CODES = ",\"requestedCode\":null,\"matchedCode\":null}".getBytes(StandardCharsets.UTF_8);

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final PublishedDiagnosis diagnosis;
    private final byte[] withoutCodes;
    private final int prefixLength;
    private final String etag;
    private final long lastModified;
    private final String lastModifiedHeader;

    private DiagnosisDocument(PublishedDiagnosis diagnosis, byte[] withoutCodes) {
        this.diagnosis = diagnosis;
        this.withoutCodes = withoutCodes;
        this.prefixLength = withoutCodes.length - NO_CODES.length;
        this.etag = diagnosis.etag();
        this.lastModified = diagnosis.lastUpdated().toInstant().toEpochMilli();
        // what the servlet container writes for a date header: whole seconds, GMT
        this.lastModifiedHeader = HTTP_DATE.format(Instant.ofEpochMilli(lastModified));
    }

    static DiagnosisDocument of(PublishedDiagnosis diagnosis, DiagnosisDetails details, ObjectMapper json) {
        try {
            var bytes = json.writeValueAsBytes(details);
            var tail = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - NO_CODES.length), bytes.length);
            if (!Arrays.equals(tail, NO_CODES)) {
                throw new IllegalStateException("Diagnosis " + diagnosis.id() + " does not end with its code fields");
            }
            return new DiagnosisDocument(diagnosis, bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize diagnosis " + diagnosis.id(), e);
        }
    }

    PublishedDiagnosis diagnosis() {
        return diagnosis;
    }

    String etag() {
        return etag;
    }

    long lastModified() {
        return lastModified;
    }

    String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    /**
     * The JSON of a lookup by id ({@code requestedCode} and {@code matchedCode} null); its first
     * {@link #prefixLength()} bytes are what comes before the code fields, which {@link #codes} writes.
     */
    byte[] json() {
        return withoutCodes;
    }

    int prefixLength() {
        return prefixLength;
    }

    /** The end of the JSON for a lookup by code: both code fields and the closing brace. */
    static byte[] codes(String requestedCode, String matchedCode) {
        var encoder = JsonStringEncoder.getInstance();
        var end = ",\"requestedCode\":\"" + new String(encoder.quoteAsString(requestedCode)) + "\",\"matchedCode\":\""
                + new String(encoder.quoteAsString(matchedCode)) + "\"}";
        return end.getBytes(StandardCharsets.UTF_8);
    }
}
