package org.example.deathcertificate.rivta;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import java.util.ArrayList;
import java.util.List;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Collects the XSD errors CXF finds while it reads a request (schema validation is on for both endpoints), so the
 * responder answers them as RIVTA does, ERROR/VALIDATION_ERROR naming what is wrong, instead of a bare SOAP fault.
 */
final class SchemaErrors implements ValidationEventHandler {

    private static final String KEY = SchemaErrors.class.getName();

    @Override
    public boolean handleEvent(ValidationEvent event) {
        var message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        var errors = (List<String>) message.getExchange().computeIfAbsent(KEY, key -> new ArrayList<String>());
        var locator = event.getLocator();
        var where = locator == null || locator.getLineNumber() < 0 ? ""
                : " (line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ")";
        errors.add(event.getMessage() + where);
        return true;
    }

    /** The XSD errors of the request being handled on this thread. */
    @SuppressWarnings("unchecked")
    static List<String> current() {
        var message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null) {
            return List.of();
        }
        var errors = (List<String>) message.getExchange().get(KEY);
        return errors == null ? List.of() : errors;
    }
}
