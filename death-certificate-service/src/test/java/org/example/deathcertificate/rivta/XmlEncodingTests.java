package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;

/** XML 1.0 Appendix F: the encoding from the byte order mark, the first four bytes, then the declaration. */
class XmlEncodingTests {

    static final String DOCUMENT = "<?xml version=\"1.0\" encoding=\"%s\"?><Envelope>Åre</Envelope>";
    static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    static byte[] bytes(Charset charset, String encodingDeclared, byte... bom) {
        return concat(bom, DOCUMENT.formatted(encodingDeclared).getBytes(charset));
    }

    static byte[] bom(int... values) {
        var bom = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bom[i] = (byte) values[i];
        }
        return bom;
    }

    @Test
    void detectsUtf16LittleEndianWithoutAByteOrderMark() {
        var message = bytes(StandardCharsets.UTF_16LE, "UTF-16");

        var encoding = XmlEncoding.of(message);

        assertThat(encoding).isEqualTo(new XmlEncoding(StandardCharsets.UTF_16LE, 0));
        assertThat(encoding.decode(message)).isEqualTo(DOCUMENT.formatted("UTF-16"));
    }

    @Test
    void detectsUtf16BigEndianWithoutAByteOrderMark() {
        assertThat(XmlEncoding.of(bytes(StandardCharsets.UTF_16BE, "UTF-16")))
                .isEqualTo(new XmlEncoding(StandardCharsets.UTF_16BE, 0));
    }

    @Test
    void detectsUtf16FromItsByteOrderMarkAndLeavesTheMarkOutOfTheText() {
        var little = bytes(StandardCharsets.UTF_16LE, "UTF-16", bom(0xFF, 0xFE));
        var big = bytes(StandardCharsets.UTF_16BE, "UTF-16", bom(0xFE, 0xFF));

        assertThat(XmlEncoding.of(little)).isEqualTo(new XmlEncoding(StandardCharsets.UTF_16LE, 2));
        assertThat(XmlEncoding.of(big)).isEqualTo(new XmlEncoding(StandardCharsets.UTF_16BE, 2));
        assertThat(XmlEncoding.of(little).decode(little)).isEqualTo(DOCUMENT.formatted("UTF-16"));
    }

    @Test
    void detectsUtf32InBothByteOrdersWithAndWithoutAByteOrderMark() {
        assertThat(XmlEncoding.of(bytes(UTF_32BE, "UTF-32"))).isEqualTo(new XmlEncoding(UTF_32BE, 0));
        assertThat(XmlEncoding.of(bytes(UTF_32LE, "UTF-32"))).isEqualTo(new XmlEncoding(UTF_32LE, 0));
        assertThat(XmlEncoding.of(bytes(UTF_32BE, "UTF-32", bom(0, 0, 0xFE, 0xFF))))
                .isEqualTo(new XmlEncoding(UTF_32BE, 4));
        var little = bytes(UTF_32LE, "UTF-32", bom(0xFF, 0xFE, 0, 0));
        assertThat(XmlEncoding.of(little)).isEqualTo(new XmlEncoding(UTF_32LE, 4));
        assertThat(XmlEncoding.of(little).decode(little)).isEqualTo(DOCUMENT.formatted("UTF-32"));
    }

    @Test
    void skipsTheUtf8ByteOrderMark() {
        var message = bytes(StandardCharsets.UTF_8, "UTF-8", bom(0xEF, 0xBB, 0xBF));

        var encoding = XmlEncoding.of(message);

        assertThat(encoding).isEqualTo(new XmlEncoding(StandardCharsets.UTF_8, 3));
        assertThat(encoding.decode(message)).startsWith("<?xml").contains("Åre");
    }

    @Test
    void readsTheDeclarationOfAnAsciiCompatibleEncoding() {
        var message = bytes(StandardCharsets.ISO_8859_1, "ISO-8859-1");

        assertThat(XmlEncoding.of(message).charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(XmlEncoding.of(message).decode(message)).contains("Åre");
    }

    @Test
    void readsTheDeclarationOfAnEbcdicDocument() {
        var ebcdic = Charset.forName("IBM037");
        var message = bytes(ebcdic, "IBM037");

        assertThat(message).startsWith(bom(0x4C, 0x6F, 0xA7, 0x94));
        assertThat(XmlEncoding.of(message).charset()).isEqualTo(ebcdic);
        assertThat(XmlEncoding.of(message).decode(message)).isEqualTo(DOCUMENT.formatted("IBM037"));
    }

    @Test
    void takesUtf8WhenThereIsNoDeclaration() {
        var message = "<Envelope>Åre</Envelope>".getBytes(StandardCharsets.UTF_8);

        assertThat(XmlEncoding.of(message)).isEqualTo(new XmlEncoding(StandardCharsets.UTF_8, 0));
        assertThat(XmlEncoding.of("<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_8))
                        .charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void refusesWhatItCannotTell() {
        assertThatThrownBy(() -> XmlEncoding.of(bom(0x00, 0x00, 0x3C, 0x00, 0x00, 0x00, 0x3F, 0x00)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("octet order");
        assertThatThrownBy(() -> XmlEncoding.of(bom(0xFE, 0xFF, 0x00, 0x00)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("octet order");
        assertThatThrownBy(() -> XmlEncoding.of(bytes(StandardCharsets.US_ASCII, "X-NO-SUCH-ENCODING")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The declared encoding is not supported");
    }

    @Test
    void findsADtdHiddenInUtf16LittleEndianWithoutAByteOrderMark() {
        var message =
                ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>&x;</s:Body></s:Envelope>")
                        .getBytes(StandardCharsets.UTF_16LE);
        var soap = new MessageImpl();
        soap.setExchange(new ExchangeImpl());
        soap.setContent(InputStream.class, new ByteArrayInputStream(message));

        assertThatThrownBy(() -> new ReceivedMessage.Interceptor(1 << 20).handleMessage(soap))
                .isInstanceOf(Fault.class)
                .hasMessageContaining("DTD");
    }

    @Test
    void takesTheElementOutOfAUtf16MessageByteForByte() {
        var ns = ReceivedMessageTests.NS;
        var element = "<x:RegisterCertificate xmlns:x=\"" + ns + "\">Ödsligt</x:RegisterCertificate>";
        var text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Envelope>" + element + "</Envelope>";
        var withBom = concat(bom(0xFE, 0xFF), text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(ReceivedMessage.element(text.getBytes(StandardCharsets.UTF_16LE), ns, "RegisterCertificate"))
                .isEqualTo(element.getBytes(StandardCharsets.UTF_16LE));
        assertThat(ReceivedMessage.element(withBom, ns, "RegisterCertificate"))
                .isEqualTo(element.getBytes(StandardCharsets.UTF_16BE));
    }

    static byte[] concat(byte[] first, byte[] second) {
        var all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
