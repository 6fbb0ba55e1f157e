package org.example.codeserver.fhir;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a FHIR answer in large pieces. HAPI's JSON writer flushes after every value it writes, and each flush of the
 * servlet writer is a write to the socket: a {@code $lookup} answer went out in some two hundred TCP writes. Flushes
 * are therefore ignored; an answer up to {@value #WHOLE} bytes goes out in one piece with its length, a larger one (a
 * whole code system) streams out in pieces of that size, so it is never held in memory as bytes.
 */
class WholeResponseFilter extends OncePerRequestFilter {

    static final int WHOLE = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var pieces = new Pieces(response);
        try {
            chain.doFilter(request, pieces);
        } finally {
            pieces.finish();
        }
    }

    private static final class Pieces extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream first = new ByteArrayOutputStream(1024);
        private OutputStream rest;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Pieces(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (rest == null && first.size() + length <= WHOLE) {
                            first.write(bytes, offset, length);
                            return;
                        }
                        if (rest == null) {
                            rest = new java.io.BufferedOutputStream(
                                    getResponse().getOutputStream(), WHOLE);
                            first.writeTo(rest);
                            first.reset();
                        }
                        rest.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() {
                        // HAPI flushes after every value; the pieces go out when full or at the end
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking output only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), getCharacterEncoding()));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // sent at the end, or in pieces of WHOLE bytes
        }

        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (rest != null) {
                rest.flush();
            } else if (first.size() > 0) {
                getResponse().setContentLength(first.size());
                first.writeTo(getResponse().getOutputStream());
            }
            getResponse().flushBuffer();
        }
    }
}
