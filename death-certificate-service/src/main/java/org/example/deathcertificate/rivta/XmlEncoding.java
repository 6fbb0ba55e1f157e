package org.example.deathcertificate.rivta;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Pattern;

/**
 * The character encoding of an XML document as XML 1.0 (Fifth Edition) Appendix F detects it: a byte order mark, or
 * else the first four bytes of {@code <?xm} (UTF-32 and UTF-16 in either byte order, EBCDIC, or an ASCII-compatible
 * encoding), and then the encoding declaration where the family allows one to choose. A document whose encoding
 * cannot be told (the unusual UCS-4 octet orders 2143 and 3412, or a declared encoding this JVM lacks) is refused
 * rather than guessed.
 *
 * @param bomLength the bytes of the byte order mark, which belong to no character of the text
 */
record XmlEncoding(Charset charset, int bomLength) {

    private static final Pattern DECLARED =
            Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");
    private static final int DECLARATION_BYTES = 400;
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset EBCDIC = Charset.forName("IBM037");

    static XmlEncoding of(byte[] message) {
        int b0 = at(message, 0);
        int b1 = at(message, 1);
        int b2 = at(message, 2);
        int b3 = at(message, 3);
        // With a byte order mark
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
            return new XmlEncoding(UTF_32BE, 4);
        }
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
            return new XmlEncoding(UTF_32LE, 4);
        }
        if ((b0 == 0x00 && b1 == 0x00 && b2 == 0xFF && b3 == 0xFE)
                || (b0 == 0xFE && b1 == 0xFF && b2 == 0x00 && b3 == 0x00)) {
            throw unusualOctetOrder();
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return new XmlEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (b0 == 0xFF && b1 == 0xFE) {
            return new XmlEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            return new XmlEncoding(StandardCharsets.UTF_8, 3);
        }
        // Without a byte order mark: the first characters must be '<?xml' (or at least '<')
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == 0x3C) {
            return new XmlEncoding(UTF_32BE, 0);
        }
        if (b0 == 0x3C && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) {
            return new XmlEncoding(UTF_32LE, 0);
        }
        if ((b0 == 0x00 && b1 == 0x00 && b2 == 0x3C && b3 == 0x00)
                || (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x00)) {
            throw unusualOctetOrder();
        }
        if (b0 == 0x00 && b1 == 0x3C && b2 == 0x00 && b3 == 0x3F) {
            return new XmlEncoding(StandardCharsets.UTF_16BE, 0);
        }
        if (b0 == 0x3C && b1 == 0x00 && b2 == 0x3F && b3 == 0x00) {
            return new XmlEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (b0 == 0x4C && b1 == 0x6F && b2 == 0xA7 && b3 == 0x94) {
            return new XmlEncoding(declared(message, EBCDIC), 0);
        }
        if (b0 == 0x3C && b1 == 0x3F && b2 == 0x78 && b3 == 0x6D) {
            return new XmlEncoding(declared(message, StandardCharsets.ISO_8859_1), 0);
        }
        // No declaration: UTF-8 (or the document is broken, which the parser will say)
        return new XmlEncoding(StandardCharsets.UTF_8, 0);
    }

    /** The text of the document, without the byte order mark. */
    String decode(byte[] message) {
        return new String(message, bomLength, message.length - bomLength, charset);
    }

    /** The encoding the declaration names, read in the family the first bytes showed; UTF-8 when it names none. */
    private static Charset declared(byte[] message, Charset family) {
        var head = new String(message, 0, Math.min(message.length, DECLARATION_BYTES), family);
        var declaration = DECLARED.matcher(head);
        if (!declaration.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declaration.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("The declared encoding is not supported");
        }
    }

    private static int at(byte[] message, int index) {
        return index < message.length ? message[index] & 0xFF : -1;
    }

    private static IllegalArgumentException unusualOctetOrder() {
        return new IllegalArgumentException("UCS-4 in an unusual octet order (2143 or 3412) is not supported");
    }
}
