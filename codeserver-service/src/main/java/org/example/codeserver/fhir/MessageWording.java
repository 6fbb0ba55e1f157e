package org.example.codeserver.fhir;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.StringType;

/**
 * Brings the engine's messages to the wording the HL7 terminology servers use today: a list of valid versions reads
 * "1.0.0 or 1.2.0" (the engine of FHIR core 6.7.9 still writes "1.0.0,1.2.0"); a code not in a value set is named with
 * its display in brackets, {@code 'system#code ('Display')'} (the engine writes {@code 'system#code: 'Display''}); an
 * inactive concept whose status says something else reads "a status of retired and inactive" (the engine writes only
 * the status, which hides that the concept is inactive); and a filter without a value is named by its path in the
 * value set, {@code ValueSet.compose.include[0].filter[0]} (the engine writes
 * {@code ValueSet['<url>|<version>].compose.include[0].filter[0].value}).
 */
final class MessageWording {

    private static final Pattern VERSIONS = Pattern.compile("(Valid versions: )([^;'\\s]+(?:,[^;'\\s]+)+)");
    /** The engine's {@code 'system#code: 'Display'' was not found in the value set}. */
    private static final Pattern NOT_IN_VALUE_SET_WITH_DISPLAY =
            Pattern.compile("(#[^\\s':]+): '([^']*)'' was not found in the value set");
    /** The engine's "has a status of retired and its use…" for an inactive concept (only "inactive" says it already). */
    private static final Pattern INACTIVE_WITH_STATUS =
            Pattern.compile("(' has a status of (?!inactive )[A-Za-z-]+) and its use should be reviewed");

    private static final String FILTER_WITHOUT_VALUE = "UNABLE_TO_HANDLE_SYSTEM_FILTER_WITH_NO_VALUE";
    private static final Pattern QUALIFIED_VALUE_SET = Pattern.compile("^ValueSet\\[[^\\]]*\\]");

    private MessageWording() {}

    static String apply(String text) {
        if (text == null) {
            return null;
        }
        var worded =
                NOT_IN_VALUE_SET_WITH_DISPLAY.matcher(text).replaceAll("$1 ('$2')' was not found in the value set");
        worded = INACTIVE_WITH_STATUS.matcher(worded).replaceAll("$1 and inactive and its use should be reviewed");
        return worded.contains("Valid versions: ") ? validVersions(worded) : worded;
    }

    private static String validVersions(String text) {
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
            var id = issue.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id");
            if (id != null
                    && id.hasValue()
                    && FILTER_WITHOUT_VALUE.equals(id.getValue().primitiveValue())) {
                issue.getLocation().forEach(l -> l.setValue(filterPath(l.getValue())));
                issue.getExpression().forEach(e -> e.setValue(filterPath(e.getValue())));
            }
        }
        return outcome;
    }

    private static String filterPath(String path) {
        var unqualified = QUALIFIED_VALUE_SET.matcher(path).replaceFirst("ValueSet");
        return unqualified.endsWith(".value") ? unqualified.substring(0, unqualified.length() - 6) : unqualified;
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
