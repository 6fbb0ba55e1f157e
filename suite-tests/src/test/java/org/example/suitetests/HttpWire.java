package org.example.suitetests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one connection per request: the request line goes out exactly as generated (a
 * {@code java.net.URI} would refuse {@code %zz} or normalise {@code ..}), and whatever comes back is read, chunked or
 * not, up to a cap.
 */
final class HttpWire {

    private static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;
    private static final int TIMEOUT_MILLIS = 60_000;

    private final int port;

    HttpWire(int port) {
        this.port = port;
    }

    FuzzAnswer send(FuzzRequest request, String authorization, String requestId) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            var head = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(request.pathAndQuery())
                    .append(" HTTP/1.1\r\n")
                    .append("Host: localhost:")
                    .append(port)
                    .append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Accept: ")
                    .append(
                            request.pathAndQuery().startsWith("/fhir")
                                    ? "application/fhir+json, application/json;q=0.9, */*;q=0.5"
                                    : "application/json, application/problem+json;q=0.9, */*;q=0.5")
                    .append("\r\n")
                    .append("X-Request-Id: ")
                    .append(requestId)
                    .append("\r\n");
            if (request.pathAndQuery().startsWith("/services/")) {
                head.append("SOAPAction: \"\"\r\n");
            }
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (request.contentType() != null) {
                head.append("Content-Type: ").append(request.contentType()).append("\r\n");
            }
            var body = request.body();
            if (body != null
                    || !request.method().equals("GET") && !request.method().equals("DELETE")) {
                head.append("Content-Length: ")
                        .append(body == null ? 0 : body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            try {
                var out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // the server may answer (400, 413) and close before it has read all of a large request: read that
            }
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            return new FuzzAnswer(FuzzAnswer.NO_ANSWER, null, "no answer within " + TIMEOUT_MILLIS / 1000 + " s");
        } catch (IOException e) {
            return new FuzzAnswer(FuzzAnswer.NO_ANSWER, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static FuzzAnswer read(InputStream in) throws IOException {
        var statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            return new FuzzAnswer(FuzzAnswer.NO_ANSWER, null, "connection closed without an answer");
        }
        var status = Integer.parseInt(statusLine.split(" ")[1]);
        String contentType = null;
        long length = -1;
        var chunked = false;
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            var colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            var name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            var value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                default -> {}
            }
        }
        var body = new ByteArrayOutputStream();
        try {
            if (chunked) {
                String size;
                while ((size = line(in)) != null) {
                    var chunk = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (chunk == 0) {
                        break;
                    }
                    copy(in, body, chunk);
                    line(in);
                }
            } else {
                copy(in, body, length < 0 ? Long.MAX_VALUE : length);
            }
        } catch (IOException e) {
            // an answer cut short still has its status and what came of it
        }
        return new FuzzAnswer(status, contentType, body.toString(StandardCharsets.UTF_8));
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long count) throws IOException {
        var buffer = new byte[8192];
        long left = count;
        while (left > 0) {
            var read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            if (body.size() < MAX_ANSWER_BYTES) {
                body.write(buffer, 0, read);
            }
            left -= read;
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                var bytes = line.toByteArray();
                var end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
