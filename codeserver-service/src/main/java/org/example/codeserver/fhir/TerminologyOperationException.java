package org.example.codeserver.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** A terminology operation that cannot answer: carries the OperationOutcome and the HTTP status to answer with. */
class TerminologyOperationException extends BaseServerResponseException {

    TerminologyOperationException(int status, OperationOutcome outcome) {
        super(
                status,
                outcome.hasIssue() ? outcome.getIssueFirstRep().getDetails().getText() : "Terminology operation failed",
                outcome);
    }

    static TerminologyOperationException of(
            int status, OperationOutcome.IssueType type, String txIssueType, String message) {
        var outcome = new OperationOutcome();
        var issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type);
        if (txIssueType != null) {
            issue.getDetails()
                    .addCoding(new org.hl7.fhir.r4.model.Coding(
                            "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", txIssueType, null));
        }
        issue.getDetails().setText(message);
        return new TerminologyOperationException(status, outcome);
    }
}
