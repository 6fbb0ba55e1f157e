package org.example.codeserver.fhir;

import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CanonicalType;
import org.hl7.fhir.r5.model.CodeType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.UriType;
import org.hl7.fhir.r5.terminologies.utilities.TerminologyServiceErrorClass;
import org.hl7.fhir.r5.terminologies.utilities.ValidationResult;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;

/**
 * The output parameters of a {@code $validate-code} answered by the HL7 validation engine: result, message, display,
 * version and issues, worded as the HL7 reference servers word them, and the code system version a validation used.
 */
final class ValidationOutput {

    /**
     * Issues about the code itself go into the {@code message} of a successful validation; notes about the value set
     * or code system (status, fragment, case) stay in the issues only, as the HL7 reference servers do.
     */
    private static final java.util.Set<String> NOT_IN_MESSAGE = java.util.Set.of(
            "UNKNOWN_CODE_IN_FRAGMENT",
            "CONCEPT_DEPRECATED_IN_VALUESET",
            "MSG_DRAFT",
            "MSG_DEPRECATED",
            "MSG_WITHDRAWN",
            "MSG_EXPERIMENTAL",
            "CODE_CASE_DIFFERENCE",
            "INACTIVE_DISPLAY_FOUND");

    private ValidationOutput() {}

    static Parameters of(
            ValidationResult result, String code, String system, String usedVersion, CodeableConcept codeableConcept) {
        return of(result, result, code, system, usedVersion, codeableConcept);
    }

    /**
     * @param concept the result that names the concept: for a codeable concept, the first of its codings that is valid
     *     by itself, which the HL7 reference servers report (the engine names the last); else the result itself. Only a
     *     valid answer takes system, code, version and display from it.
     */
    static Parameters of(
            ValidationResult result,
            ValidationResult concept,
            String code,
            String system,
            String usedVersion,
            CodeableConcept codeableConcept) {
        var out = new Parameters();
        var named = result.getSeverity() != IssueSeverity.ERROR ? concept : result;
        if (named.getSystem() != null) {
            out.addParameter("system", new UriType(named.getSystem()));
        } else if (system != null) {
            out.addParameter("system", new UriType(system));
        }
        if (named.getCode() != null) {
            if (code != null && !code.equals(named.getCode())) {
                out.addParameter("code", new CodeType(code));
                out.addParameter("normalized-code", new CodeType(named.getCode()));
            } else {
                out.addParameter("code", new CodeType(named.getCode()));
            }
        } else if (code != null) {
            out.addParameter("code", new CodeType(code));
        }
        out.addParameter("result", result.getSeverity() != IssueSeverity.ERROR);
        if (result.getMessage() != null) {
            out.addParameter("message", result.getMessage());
        } else {
            var texts = result.getIssues().stream()
                    .filter(i -> !NOT_IN_MESSAGE.contains(messageId(i)))
                    .map(i -> i.getDetails().getText())
                    .filter(t -> t != null)
                    .toList();
            if (!texts.isEmpty()) {
                out.addParameter("message", String.join("; ", texts));
            }
        }
        if (named.getVersion() != null) {
            out.addParameter("version", named.getVersion());
        } else if (usedVersion != null) {
            out.addParameter("version", usedVersion);
        }
        if (named.getDisplay() != null) {
            out.addParameter("display", named.getDisplay());
        }
        if (codeableConcept != null) {
            out.addParameter("codeableConcept", codeableConcept);
        }
        if (result.isInactive()) {
            out.addParameter("inactive", true);
        }
        if (result.getStatus() != null) {
            out.addParameter("status", new CodeType(result.getStatus()));
        }
        if (result.getUnknownSystems() != null) {
            for (var s : result.getUnknownSystems()) {
                out.addParameter(
                        result.getErrorClass() == TerminologyServiceErrorClass.CODESYSTEM_UNSUPPORTED
                                ? "x-caused-by-unknown-system"
                                : "x-unknown-system",
                        new CanonicalType(s));
            }
        }
        if (!result.getIssues().isEmpty()) {
            var issues = new OperationOutcome();
            issues.getIssue().addAll(result.getIssues());
            out.addParameter().setName("issues").setResource(issues);
        }
        return out;
    }

    /** The version a validation used for a system: forced by the profile, else the one asked for, else the profile default. */
    static String profileVersion(Parameters profile, String system, String requested) {
        String forced = null;
        String fallback = null;
        for (var p : profile.getParameter()) {
            if (system == null || !p.hasValue() || !p.getValue().isPrimitive()) {
                continue;
            }
            var value = p.getValue().primitiveValue();
            if (value != null && value.startsWith(system + "|")) {
                var version = value.substring(system.length() + 1);
                if ("force-system-version".equals(p.getName())) {
                    forced = version;
                } else if (Utilities.existsInList(p.getName(), "system-version", "default-system-version")) {
                    fallback = version;
                }
            }
        }
        return forced != null ? forced : requested != null ? requested : fallback;
    }

    /** Whether the engine could not validate because it knows no definition of the code system. */
    static boolean reportsUnknownSystem(ValidationResult result) {
        if (result.getUnknownSystems() != null && !result.getUnknownSystems().isEmpty()
                || result.getErrorClass() == TerminologyServiceErrorClass.CODESYSTEM_UNSUPPORTED) {
            return true;
        }
        if (result.getMessage() != null && result.getMessage().contains("could not be found")) {
            return true;
        }
        return result.getIssues().stream()
                .anyMatch(i -> "UNKNOWN_CODESYSTEM".equals(messageId(i))
                        || i.getDetails().getText() != null
                                && i.getDetails().getText().contains("could not be found"));
    }

    static String messageId(OperationOutcome.OperationOutcomeIssueComponent issue) {
        var extension = issue.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id");
        return extension == null || !extension.hasValue()
                ? ""
                : extension.getValue().primitiveValue();
    }

    /** The version of the code system a single code was checked in, when the engine did not say. */
    static String usedVersion(SimpleWorkerContext context, ValidationResult result, String system, String version) {
        if (result.getVersion() != null || system == null) {
            return null;
        }
        var codeSystem =
                version == null ? context.fetchCodeSystem(system) : context.fetchCodeSystem(system, version, null);
        return codeSystem == null || !codeSystem.hasVersion() ? null : codeSystem.getVersion();
    }
}
