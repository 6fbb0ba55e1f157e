package org.example.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest request body ({@code platform.web.max-request-size}, 20 MB), in every service and the gateway. A body
 * that declares its length is refused before it is read; a body without one (chunked) is counted as it is read, and
 * the read that passes the limit fails with {@link RequestTooLargeException}, so nothing half-read is processed.
 * Either way the answer is 413 problem+json: written here, or by the platform's {@code ApiExceptionHandler} when
 * Spring MVC was reading the body.
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
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!counted.exceeded || response.isCommitted()) {
                throw e;
            }
        }
        if (counted.exceeded && !response.isCommitted()) {
            response.reset();
            refuse(request, response);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Content Too Large",
                RequestTooLargeException.detail(limit), request.getRequestURI());
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
