package org.example.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.example.platform.error.RequestTooLargeException;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest request body ({@code platform.web.max-request-size}, 20 MB), in every service and the gateway. A body
 * that declares its length is refused before it is read; a body without one (chunked) is counted as it is read, and
 * the read that passes the limit fails with {@link RequestTooLargeException}, so nothing half-read is processed.
 * Either way the answer is 413 problem+json, written here: whatever the reader (Spring MVC, the SOAP or the FHIR
 * servlet) answers once the limit is passed is discarded, not sent.
 */
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long limit;

    public RequestSizeFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // the container never reads past a declared length, and without either header there is no body
            chain.doFilter(request, response);
            return;
        }
        var counted = new CountedRequest(request, limit);
        var held = new HeldResponse(response, counted);
        try {
            chain.doFilter(counted, held);
            held.finish();
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.exceeded || response.isCommitted()) {
                throw e;
            }
        }
        if (counted.exceeded && !response.isCommitted()) {
            // what the reader wrote after the limit was passed is still in the buffer: dropped with the reset
            response.reset();
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Content Too Large",
                RequestTooLargeException.detail(limit),
                request.getRequestURI());
    }

    /** The response, which from the moment the body passes the limit takes no more status, headers or bytes. */
    private static final class HeldResponse extends HttpServletResponseWrapper {

        private final CountedRequest request;
        private ServletOutputStream stream;
        private PrintWriter writer;

        HeldResponse(HttpServletResponse response, CountedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                var body = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!request.exceeded) {
                            body.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (!request.exceeded) {
                            body.write(bytes, offset, length);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!request.exceeded) {
                            body.flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        body.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset()));
            }
            return writer;
        }

        private Charset charset() {
            var name = getCharacterEncoding();
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        }

        /** Passes on what is still in this wrapper's writer (the container flushes only its own). */
        void finish() {
            if (writer != null && !request.exceeded) {
                writer.flush();
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (!request.exceeded) {
                super.flushBuffer();
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!request.exceeded) {
                super.sendError(status, message);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!request.exceeded) {
                super.sendError(status);
            }
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (!request.exceeded) {
                super.sendRedirect(location);
            }
        }
    }

    /** The request whose body stream counts its bytes and fails once they pass the limit. */
    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private boolean exceeded;

        CountedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountedStream(super.getInputStream());
            }
            return stream;
        }

        private final class CountedStream extends ServletInputStream {

            private final ServletInputStream body;
            private long count;

            CountedStream(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b >= 0) {
                    counted(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = body.read(buffer, offset, length);
                if (n > 0) {
                    counted(n);
                }
                return n;
            }

            private void counted(int n) throws RequestTooLargeException {
                count += n;
                if (count > limit) {
                    exceeded = true;
                    throw new RequestTooLargeException(limit);
                }
            }

            @Override
            public int available() throws IOException {
                return body.available();
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }

            @Override
            public void close() throws IOException {
                body.close();
            }
        }
    }
}
