package org.example.deathcertificate.rivta;

import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites every SOAP fault of the two endpoints before it is written. The responders answer each failure of their
 * own as a RIVTA result, so a fault means the request itself could not be read (not well-formed XML, a refused
 * encoding, DTD or size, not the operation's message): it goes out as soap:Client with a text of this service's own,
 * never the parser's exception class or message (which may repeat what was sent).
 */
final class ClientFaults extends AbstractPhaseInterceptor<SoapMessage> {

    static final String NOT_WELL_FORMED = "The message is not well-formed XML";
    static final String NOT_READABLE = "The message is not a request of this service";

    private static final Logger log = LoggerFactory.getLogger(ClientFaults.class);

    ClientFaults() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        var exception = message.getContent(Exception.class);
        if (exception == null) {
            return;
        }
        var text = NOT_READABLE;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReceivedMessage.RefusedMessageException refused) {
                text = refused.getMessage();
                break;
            }
            if (cause instanceof XMLStreamException) {
                text = NOT_WELL_FORMED;
                break;
            }
            if (cause instanceof Error) {
                log.error("A SOAP request failed in the service", exception);
                message.setContent(
                        Exception.class,
                        new SoapFault(
                                "The request could not be handled now; send it again",
                                message.getVersion().getReceiver()));
                return;
            }
        }
        log.warn("SOAP request refused as a client fault ({})", rootClass(exception));
        message.setContent(
                Exception.class, new SoapFault(text, message.getVersion().getSender()));
    }

    private static String rootClass(Throwable exception) {
        var root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
