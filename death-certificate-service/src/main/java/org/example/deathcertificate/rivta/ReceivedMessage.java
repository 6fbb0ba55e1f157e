package org.example.deathcertificate.rivta;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * The SOAP request exactly as it arrived. A CXF interceptor at the start of the chain reads the body (refusing it
 * when it is larger than the limit or carries a DTD, before any parser sees it), keeps the bytes, and hands CXF a
 * copy; the responders then take the original element out of these bytes, unchanged.
 */
final class ReceivedMessage {

    private static final String KEY = ReceivedMessage.class.getName();
    private static final XMLInputFactory STAX = safeStax();

    private ReceivedMessage() {}

    /** The bytes of the request being handled on this thread. */
    static byte[] current() {
        var message = PhaseInterceptorChain.getCurrentMessage();
        var bytes = message == null
                ? null
                : (byte[]) message.getExchange().getInMessage().get(KEY);
        if (bytes == null) {
            throw new IllegalStateException("The received message was not kept");
        }
        return bytes;
    }

    /**
     * The bytes of the first element with the given name, start tag to end tag, as they were received. Namespace
     * prefixes declared on an enclosing element (e.g. the envelope) stay declared there.
     */
    static byte[] element(byte[] message, String namespace, String localName) {
        var encoding = XmlEncoding.of(message);
        var charset = encoding.charset();
        var text = encoding.decode(message);
        try {
            var reader = STAX.createXMLStreamReader(new StringReader(text));
            int start = -1;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT
                        && localName.equals(reader.getLocalName())
                        && namespace.equals(reader.getNamespaceURI())) {
                    if (start < 0) {
                        start = reader.getLocation().getCharacterOffset();
                    }
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && start >= 0
                        && localName.equals(reader.getLocalName())
                        && namespace.equals(reader.getNamespaceURI())
                        && --depth == 0) {
                    int endTag = reader.getLocation().getCharacterOffset();
                    int end = text.indexOf('>', endTag) + 1;
                    int byteStart =
                            encoding.bomLength() + text.substring(0, start).getBytes(charset).length;
                    int byteLength = text.substring(start, end).getBytes(charset).length;
                    var element = new byte[byteLength];
                    System.arraycopy(message, byteStart, element, 0, byteLength);
                    return element;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("The message is not well-formed XML", e);
        }
        throw new IllegalArgumentException("The message has no element " + localName);
    }

    /**
     * Whether the text holds a DOCTYPE or ENTITY declaration, in any letter case, anywhere (also inside comments or
     * CDATA): such a message is refused before any parser sees it. One pass, without an upper-case copy.
     */
    static boolean declaresDtd(String text) {
        for (int i = text.indexOf("<!"); i >= 0; i = text.indexOf("<!", i + 2)) {
            if (text.regionMatches(true, i + 2, "DOCTYPE", 0, 7) || text.regionMatches(true, i + 2, "ENTITY", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static XMLInputFactory safeStax() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /** Keeps the request body, within the size limit and without DTDs, for the responders. */
    static final class Interceptor extends AbstractPhaseInterceptor<Message> {

        private final int maxBytes;

        Interceptor(int maxBytes) {
            super(Phase.RECEIVE);
            this.maxBytes = maxBytes;
        }

        @Override
        public void handleMessage(Message message) {
            var in = message.getContent(InputStream.class);
            if (in == null) {
                return;
            }
            var declaredLength = headers(message).getOrDefault("Content-Length", List.of()).stream()
                    .findFirst()
                    .orElse("");
            if (declaredLength.matches("\\d{1,12}") && Long.parseLong(declaredLength) > maxBytes) {
                throw new Fault(new RefusedMessageException("The message is larger than " + maxBytes + " bytes"));
            }
            byte[] bytes;
            try {
                bytes = in.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new Fault(e);
            }
            if (bytes.length > maxBytes) {
                throw new Fault(new RefusedMessageException("The message is larger than " + maxBytes + " bytes"));
            }
            String text;
            try {
                text = XmlEncoding.of(bytes).decode(bytes);
            } catch (IllegalArgumentException e) {
                throw new Fault(new RefusedMessageException(e.getMessage()));
            }
            if (declaresDtd(text)) {
                throw new Fault(new RefusedMessageException("A DTD (DOCTYPE) is not allowed in a SOAP message"));
            }
            message.put(KEY, bytes);
            message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
        }

        @SuppressWarnings("unchecked")
        private static java.util.Map<String, List<String>> headers(Message message) {
            var headers = (java.util.Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
            return headers == null ? java.util.Map.of() : headers;
        }
    }

    /** A message refused before it was parsed. */
    static final class RefusedMessageException extends RuntimeException {

        RefusedMessageException(String message) {
            super(message);
        }
    }
}
