package org.example.codeserver.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.terminologies.CodeSystemUtilities;
import org.hl7.fhir.r5.terminologies.utilities.ValidationResult;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * A display asked for in a language the code system has no display for is valid when it is a display of the code in
 * the code system's own language (its display, or a designation in that language or in none): the answer is valid,
 * with an information that says so, as HL7's terminology servers answer. The engine of FHIR core 6.7.9 accepts only
 * the code's preferred display, calls another valid one wrong, and words the accepted one as a comment.
 */
final class DefaultLanguageDisplay {

    private static final String MESSAGE_ID = "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";
    private static final String TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type";

    /** The engine's messages for a code without a display in the language asked for. */
    private static final Set<String> NONE_FOR_LANGUAGE = Set.of(
            "NO_VALID_DISPLAY_FOUND_NONE_FOR_LANG_ERR",
            "NO_VALID_DISPLAY_FOUND_LANG_NONE",
            "NO_VALID_DISPLAY_FOUND_LANG_SOME");

    private DefaultLanguageDisplay() {}

    /**
     * Rewrites the engine's issue about a given display that is valid in the code system's own language.
     *
     * @param given the codings the request gave (a code with its system and display is one coding)
     * @param languages the languages asked for, as the engine names them
     */
    static void accept(SimpleWorkerContext context, ValidationResult result, List<Coding> given, String languages) {
        var issues = result.getIssues().stream()
                .filter(i -> NONE_FOR_LANGUAGE.contains(ValidationOutput.messageId(i)))
                .toList();
        if (issues.size() != 1 || given.stream().filter(Coding::hasDisplay).count() != 1) {
            return;
        }
        var coding = given.stream().filter(Coding::hasDisplay).findFirst().orElseThrow();
        var issue = issues.get(0);
        if (!coding.hasSystem()
                || !coding.hasCode()
                || !issue.getDetails().getText().contains(coding.getSystem())
                || !validInOwnLanguage(context, coding)) {
            return;
        }
        var text = "There are no valid display names found for the code " + coding.getSystem() + "#"
                + coding.getCode() + " for language(s) '" + languages + "'. The display is '" + coding.getDisplay()
                + "' which is a valid display for the default language";
        issue.setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
        issue.setCode(OperationOutcome.IssueType.INVALID);
        issue.getDetails().getCoding().clear();
        issue.getDetails().addCoding(TX_ISSUE_TYPE, "invalid-display", null);
        issue.getDetails().setText(text);
        issue.getExtensionByUrl(MESSAGE_ID).setValue(new StringType("NO_VALID_DISPLAY_FOUND_NONE_FOR_LANG_OK"));
        var othersSevere = result.getIssues().stream()
                .filter(i -> i != issue)
                .anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
        if (!othersSevere) {
            result.setSeverity(IssueSeverity.INFORMATION);
            result.setErrorIsDisplayIssue(false);
            result.setMessage(text);
        }
    }

    private static boolean validInOwnLanguage(SimpleWorkerContext context, Coding coding) {
        var codeSystem = coding.hasVersion()
                ? context.fetchCodeSystem(coding.getSystem(), coding.getVersion())
                : context.fetchCodeSystem(coding.getSystem());
        if (codeSystem == null) {
            return false;
        }
        var concept = CodeSystemUtilities.findCode(codeSystem.getConcept(), coding.getCode());
        if (concept == null) {
            return false;
        }
        var display = coding.getDisplay();
        return display.equals(concept.getDisplay())
                || concept.getDesignation().stream()
                        .anyMatch(d -> display.equals(d.getValue()) && inOwnLanguage(codeSystem, d.getLanguage()));
    }

    private static boolean inOwnLanguage(CodeSystem codeSystem, String language) {
        if (language == null || language.isBlank()) {
            return true;
        }
        if (!codeSystem.hasLanguage()) {
            return false;
        }
        return primary(language).equals(primary(codeSystem.getLanguage()));
    }

    private static String primary(String tag) {
        var dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
