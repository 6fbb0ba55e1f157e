package org.example.codeserver.fhir;

import org.example.codeserver.codesystem.ExternalOid;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;

/**
 * The answer of {@code $validate-code} for a code in a code system the server does not know: never valid. Worded as
 * the HL7 terminology servers word it: an error {@code not-found} on the system, and {@code x-unknown-system}.
 */
final class UnknownCodeSystem {

    private static final String TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type";

    private UnknownCodeSystem() {}

    /**
     * @param valueSet the value set the code was checked against, or null for a check against the code system alone
     */
    static Parameters validation(String system, String code, String valueSet) {
        var unknown = "A definition for CodeSystem " + system + " could not be found, so the code cannot be validated"
                + ExternalOid.of(system).map(e -> " (" + e.explanation() + ")").orElse("");
        var issues = new OperationOutcome();
        String message = unknown;
        if (valueSet != null) {
            var notInValueSet =
                    "The provided code '" + system + "#" + code + "' was not found in the value set '" + valueSet + "'";
            issue(issues, IssueType.CODEINVALID, "not-in-vs", notInValueSet, "code");
            message = unknown + "; " + notInValueSet;
        }
        issue(issues, IssueType.NOTFOUND, "not-found", unknown, "system");
        var out = new Parameters();
        if (code != null) {
            out.addParameter().setName("code").setValue(new CodeType(code));
        }
        out.addParameter().setName("issues").setResource(issues);
        out.addParameter().setName("message").setValue(new StringType(message));
        out.addParameter().setName("result").setValue(new BooleanType(false));
        out.addParameter().setName("system").setValue(new UriType(system));
        out.addParameter().setName("x-unknown-system").setValue(new CanonicalType(system));
        return out;
    }

    /**
     * The answer for a code whose system is a supplement: a supplement adds to another code system and defines no codes
     * of its own, so it cannot be the system of a code (error {@code invalid-data} on the system).
     *
     * @param supplement the supplement's canonical URL with its version
     * @param path where the system is in the request ({@code system}, {@code Coding.system}, …)
     */
    static Parameters supplementAsSystem(String supplement, String system, String code, String path) {
        var text = "CodeSystem " + supplement + " is a supplement, so can't be used as a value in " + path;
        var issues = new OperationOutcome();
        issue(issues, IssueType.INVALID, "invalid-data", text, path)
                .addExtension(
                        "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                        new StringType("CODESYSTEM_CS_NO_SUPPLEMENT"));
        var out = new Parameters();
        if (code != null) {
            out.addParameter().setName("code").setValue(new CodeType(code));
        }
        out.addParameter().setName("issues").setResource(issues);
        out.addParameter().setName("message").setValue(new StringType(text));
        out.addParameter().setName("result").setValue(new BooleanType(false));
        out.addParameter().setName("system").setValue(new UriType(system));
        return out;
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(
            OperationOutcome outcome, IssueType type, String txType, String text, String expression) {
        var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type);
        issue.getDetails().addCoding(new Coding(TX_ISSUE_TYPE, txType, null));
        issue.getDetails().setText(text);
        issue.addLocation(expression);
        issue.addExpression(expression);
        return issue;
    }
}
