package org.example.codeserver.fhir;

import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.lang.Nullable;

/** The display language a request asks for: its {@code displayLanguage} parameter, else its Accept-Language header. */
record Languages(@Nullable String displayLanguage, @Nullable String acceptLanguage) {

    private static final Pattern LANGUAGE = Pattern.compile(
            "\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(\\s*;\\s*q=[0-9.]+)?(\\s*,\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\\s*;\\s*q=[0-9.]+)?)*");

    static Languages of(TerminologyRequest request) {
        return new Languages(request.string("displayLanguage"), request.acceptLanguage());
    }

    @Nullable
    String preferred() {
        return displayLanguage != null ? displayLanguage : acceptLanguage;
    }

    /** A displayLanguage that is no language tag at all is refused before the engine sees it. */
    void check() {
        if (displayLanguage != null && !LANGUAGE.matcher(displayLanguage).matches()) {
            var outcome = new OperationOutcome();
            var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.PROCESSING);
            issue.addExtension(
                    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                    new StringType("INVALID_DISPLAY_NAME"));
            issue.getDetails()
                    .addCoding(
                            new Coding("http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "invalid-display", null));
            issue.getDetails().setText("Invalid displayLanguage: '" + displayLanguage + "'");
            throw new TerminologyOperationException(400, outcome);
        }
    }
}
