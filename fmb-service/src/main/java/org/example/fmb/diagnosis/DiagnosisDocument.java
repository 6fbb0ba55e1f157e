package org.example.fmb.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.example.fmb.authoring.PublishedDiagnosis;

/**
 * One published diagnosis as the JSON of its {@link DiagnosisDetails}, serialized once per published version with
 * its ETag and Last-Modified, so that a lookup only appends {@code requestedCode} and {@code matchedCode}. The bytes
 * are exactly those Jackson writes for the whole record: the two code fields are its last components. A client that
 * accepts gzip gets the answer compressed once per code it asks by ({@link #gzipped}).
 */
final class DiagnosisDocument {

    /**
     * How many gzipped answers a document keeps: one per code a client asks by (the codes of the diagnosis and their
     * parents, with or without the dot) is a handful; a code made up to miss is compressed each time instead.
     */
    static final int GZIPPED = 64;

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
    /** The gzip of each answer asked for with gzip, by the code fields it ends with; at most {@link #GZIPPED}. */
    private final ConcurrentHashMap<String, byte[]> gzipped = new ConcurrentHashMap<>();

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

    /**
     * The whole answer ending with {@code codes} ({@link #NO_CODES} or {@link #codes}), gzipped: compressed once per
     * published version and code asked by, then the same bytes for every request.
     */
    byte[] gzipped(byte[] codes) {
        var key = new String(codes, StandardCharsets.UTF_8);
        var cached = gzipped.get(key);
        if (cached != null) {
            return cached;
        }
        var compressed = gzip(codes);
        if (gzipped.size() < GZIPPED) {
            gzipped.putIfAbsent(key, compressed);
        }
        return compressed;
    }

    private byte[] gzip(byte[] codes) {
        var bytes = new ByteArrayOutputStream(withoutCodes.length / 3);
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(withoutCodes, 0, prefixLength);
            out.write(codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The end of the JSON for a lookup by code: both code fields and the closing brace. */
    static byte[] codes(String requestedCode, String matchedCode) {
        var encoder = JsonStringEncoder.getInstance();
        var end = ",\"requestedCode\":\"" + new String(encoder.quoteAsString(requestedCode)) + "\",\"matchedCode\":\""
                + new String(encoder.quoteAsString(matchedCode)) + "\"}";
        return end.getBytes(StandardCharsets.UTF_8);
    }
}
