package org.example.codeserver.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.StringType;

/**
 * Brings the engine's messages to the wording the HL7 terminology servers use today: a list of valid versions reads
 * "1.0.0 or 1.2.0" (the engine of FHIR core 6.7.9 still writes "1.0.0,1.2.0").
 */
final class MessageWording {

    private static final Pattern VERSIONS = Pattern.compile("(Valid versions: )([^;'\\s]+(?:,[^;'\\s]+)+)");

    private MessageWording() {}

    static String apply(String text) {
        if (text == null || !text.contains("Valid versions: ")) {
            return text;
        }
        var m = VERSIONS.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            var versions = m.group(2).split(",");
            var joined = new StringBuilder();
            for (int i = 0; i < versions.length; i++) {
                if (i > 0) {
                    joined.append(i == versions.length - 1 ? " or " : ", ");
                }
                joined.append(versions[i]);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + joined));
        }
        m.appendTail(out);
        return out.toString();
    }

    static OperationOutcome apply(OperationOutcome outcome) {
        for (var issue : outcome.getIssue()) {
            if (issue.getDetails().hasText()) {
                issue.getDetails().setText(apply(issue.getDetails().getText()));
            }
        }
        return outcome;
    }

    static Parameters apply(Parameters parameters) {
        for (var p : parameters.getParameter()) {
            if ("message".equals(p.getName()) && p.getValue() instanceof StringType s) {
                s.setValue(apply(s.getValue()));
            }
            if (p.getResource() instanceof OperationOutcome oo) {
                apply(oo);
            }
        }
        return parameters;
    }
}
