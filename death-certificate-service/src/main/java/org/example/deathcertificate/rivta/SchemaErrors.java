package org.example.deathcertificate.rivta;

import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.cxf.phase.PhaseInterceptorChain;

/**
 * Collects the XSD errors CXF finds while it reads a request (schema validation is on for both endpoints), so the
 * responder answers them as RIVTA does, ERROR/VALIDATION_ERROR naming the rule and
 * element (never the value sent), instead of a bare SOAP fault.
 */
final class SchemaErrors implements ValidationEventHandler {

    private static final String KEY = SchemaErrors.class.getName();
    private static final Pattern RULE = Pattern.compile("(cvc-[A-Za-z0-9.-]+):");
    private static final Pattern NAMED = Pattern.compile("(element|attribute) '([^']*)'");
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    @Override
    public boolean handleEvent(ValidationEvent event) {
        var message = PhaseInterceptorChain.getCurrentMessage();
        if (message == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        var errors = (List<String>) message.getExchange().computeIfAbsent(KEY, key -> new ArrayList<String>());
        var locator = event.getLocator();
        var where = locator == null || locator.getLineNumber() < 0
                ? ""
                : " (line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ")";
        errors.add(describe(event.getMessage()) + where);
        return true;
    }

    /**
     * The parser's rule (e.g. {@code cvc-pattern-valid}) and the local names of the elements and attributes its
     * message names, without the values it quotes: a value sent may hold a personnummer and is never repeated.
     */
    static String describe(String parserMessage) {
        if (parserMessage == null) {
            return "The message does not follow the schema";
        }
        var rule = RULE.matcher(parserMessage);
        var text = new StringBuilder(rule.lookingAt() ? rule.group(1) : "The message does not follow the schema");
        var names = NAMED.matcher(parserMessage);
        var separator = " at ";
        while (names.find()) {
            var name = names.group(2).replaceAll("[{}\"]", "");
            var localName = name.substring(name.lastIndexOf(':') + 1);
            if (XML_NAME.matcher(localName).matches()) {
                text.append(separator)
                        .append(names.group(1))
                        .append(" '")
                        .append(localName)
                        .append('\'');
                separator = ", ";
            }
        }
        return text.toString();
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
