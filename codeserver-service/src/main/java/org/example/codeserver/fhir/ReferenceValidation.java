package org.example.codeserver.fhir;

import java.util.List;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.terminologies.utilities.ValidationResult;
import org.hl7.fhir.utilities.FhirPublication;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.utilities.validation.ValidationOptions;

/** CodeSystem and ValueSet {@code $validate-code} by the HL7 reference engine. */
final class ReferenceValidation {

    /** The parameters of a validation profile, which the engine reads itself. */
    private static final List<String> VALIDATION_PROFILE = List.of(
            "default-valueset-version",
            "check-valueset-version",
            "force-valueset-version",
            "system-version",
            "check-system-version",
            "force-system-version",
            "default-system-version",
            "includeAlternateCodes",
            "default-to-latest-version");

    private ReferenceValidation() {}

    static org.hl7.fhir.r4.model.Parameters validate(
            SimpleWorkerContext context, CodeValidation validation, ExpansionBudget budget) {
        ValueSet valueSet = null;
        var source = validation.valueSet();
        if (source != null) {
            valueSet = ReferenceExpansion.valueSet(context, source);
            budget.admit(valueSet);
            if (source.sent()) {
                valueSet = valueSet.copy();
                ValueSetPreparation.prepare(context, valueSet, budget);
            }
            ReferenceEngine.requireSupplements(context, valueSet);
            ValueSetImports.requireNoCircle(context, valueSet);
        }
        return validate(context, validation, valueSet);
    }

    /** The result of the first coding of a valid codeable concept that is valid by itself (the engine names the last). */
    private static ValidationResult firstValidCoding(
            SimpleWorkerContext context,
            ValidationOptions options,
            CodeableConcept codeableConcept,
            ValueSet valueSet,
            ValidationResult whole) {
        for (var coding : codeableConcept.getCoding()) {
            var one = context.validateCode(options, coding, valueSet);
            if (one.getSeverity() != IssueSeverity.ERROR && one.getSeverity() != IssueSeverity.FATAL) {
                return one;
            }
        }
        return whole;
    }

    /**
     * A code that a fragment of a code system does not hold is not known to be wrong (the code system says it holds
     * only part of its codes): when that is the only reason the code is not in the value set, the answer is valid, with
     * the engine's warning {@code UNKNOWN_CODE_IN_FRAGMENT} and without the not-in-value-set errors.
     */
    private static void acceptUnknownCodeOfFragment(ValidationResult result) {
        if (result.getSeverity() != IssueSeverity.ERROR
                || result.getIssues().stream()
                        .noneMatch(i -> "UNKNOWN_CODE_IN_FRAGMENT".equals(ValidationOutput.messageId(i)))) {
            return;
        }
        var errors = result.getIssues().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
                .toList();
        var onlyNotInValueSet = errors.stream()
                .allMatch(i -> i.getDetails().getCoding().stream()
                        .anyMatch(c -> "not-in-vs".equals(c.getCode()) || "this-code-not-in-vs".equals(c.getCode())));
        if (onlyNotInValueSet) {
            result.getIssues().removeAll(errors); // (setIssues would add the old issues to the new list)
            result.setSeverity(IssueSeverity.WARNING);
            result.setMessage(null);
        }
    }

    /**
     * Whether the engine called a code system unknown that the context defines: it does so for a code system that is
     * not {@code complete} (a {@code fragment}, an {@code example}) when it checks a codeable concept, though it checks
     * a single coding of the same code system by the code system's content.
     */
    private static boolean callsADefinedSystemUnknown(
            SimpleWorkerContext context, ValidationResult result, Coding coding) {
        return coding.hasSystem()
                && result.getIssues().stream().anyMatch(i -> "UNKNOWN_CODESYSTEM".equals(ValidationOutput.messageId(i)))
                && context.fetchCodeSystem(coding.getSystem()) != null;
    }

    /**
     * The result of a codeable concept's only coding, checked as a coding, as the result of the codeable concept: the
     * issues point into {@code CodeableConcept.coding[0]} instead of {@code Coding}.
     */
    private static ValidationResult inCodeableConcept(ValidationResult coding) {
        for (var issue : coding.getIssues()) {
            for (var path : issue.getLocation()) {
                path.setValue(inFirstCoding(path.getValue()));
            }
            for (var path : issue.getExpression()) {
                path.setValue(inFirstCoding(path.getValue()));
            }
        }
        return coding;
    }

    private static String inFirstCoding(String path) {
        return path != null && (path.equals("Coding") || path.startsWith("Coding."))
                ? "CodeableConcept.coding[0]" + path.substring("Coding".length())
                : path;
    }

    /** The codings the request gave: a code with its system and display counts as one. */
    private static List<Coding> given(
            CodeValidation validation, String code, String system, CodeableConcept codeableConcept) {
        return switch (validation.kind()) {
            case CODE -> List.of(new Coding(system, code, validation.coded().display()));
            case CODING -> List.of((Coding) VersionConvertorFactory_40_50.convertType(validation.received()));
            default -> codeableConcept.getCoding();
        };
    }

    /** A code checked in one version of its code system, and the engine's answer. */
    private record InVersion(String version, ValidationResult result) {}

    /**
     * A code without a version, against a value set that includes several versions of its code system: by FHIR's
     * rules the value set holds the union of those versions, so the code is checked against each version's part of the
     * value set ({@link VersionUnion}), the latest first, and the first part that holds it answers. Null when the value
     * set names fewer than two versions of the system or no version holds the code, or the request's profile names
     * the version to use (the engine's answer against the whole value set then stands).
     */
    private static InVersion inSomeVersion(
            ValueSet valueSet,
            Parameters profile,
            String system,
            java.util.function.Function<ValueSet, ValidationResult> check) {
        if (valueSet == null || system == null || ValidationOutput.profileVersion(profile, system, null) != null) {
            return null;
        }
        var union = VersionUnion.of(valueSet, profile);
        if (union == null || !union.system().equals(system)) {
            return null;
        }
        for (var version : union.versions()) {
            var result = check.apply(union.part(valueSet, version, true));
            if (result.isOk()
                    && result.getSeverity() != IssueSeverity.ERROR
                    && result.getSeverity() != IssueSeverity.FATAL) {
                return new InVersion(version, result);
            }
        }
        return null;
    }

    private static org.hl7.fhir.r4.model.Parameters validate(
            SimpleWorkerContext context, CodeValidation validation, ValueSet valueSet) {
        var settings = validation.settings();
        settings.languages().check();
        var codeSystemMode = validation.valueSet() == null;
        var options = new ValidationOptions(FhirPublication.R5);
        var language = settings.languages().preferred();
        if (language != null) {
            options = options.withLanguage(language);
        }
        if (settings.membershipOnly()) {
            options = options.withCheckValueSetOnly();
        }
        if (settings.lenientDisplay()) {
            options = options.setDisplayWarningMode(true);
        }
        if (settings.activeOnly()) {
            options = options.setActiveOnly(true);
        }
        var profile = new Parameters();
        for (var p : validation.engine().parameters().getParameter()) {
            if (VALIDATION_PROFILE.contains(p.getName())) {
                profile.addParameter(p.copy());
            }
        }
        context.setExpansionParameters(profile);

        var coded = validation.coded();
        String code = null;
        String system = null;
        String requestedVersion = null;
        CodeableConcept codeableConcept = null;
        ValidationResult result;
        switch (validation.kind()) {
            case CODE -> {
                code = coded.code();
                system = coded.system();
                requestedVersion = coded.version();
                var inferSystem = !codeSystemMode && system == null && settings.inferSystem();
                var codeOptions = inferSystem ? options.withGuessSystem() : options;
                var codeSystem = system;
                var display = coded.display();
                var found = requestedVersion == null
                        ? inSomeVersion(
                                valueSet,
                                profile,
                                system,
                                part -> context.validateCode(
                                        codeOptions, codeSystem, null, coded.code(), display, part))
                        : null;
                if (found != null) {
                    requestedVersion = found.version() != null ? found.version() : requestedVersion;
                    result = found.result();
                } else {
                    result = context.validateCode(
                            codeOptions, system, requestedVersion, code, coded.display(), valueSet);
                }
            }
            case CODING -> {
                var coding = (Coding) VersionConvertorFactory_40_50.convertType(validation.received());
                code = coding.getCode();
                system = coding.getSystem();
                requestedVersion = coding.getVersion();
                var codingOptions = options;
                var found = requestedVersion == null
                        ? inSomeVersion(
                                valueSet, profile, system, part -> context.validateCode(codingOptions, coding, part))
                        : null;
                if (found != null) {
                    requestedVersion = found.version() != null ? found.version() : requestedVersion;
                    result = found.result();
                } else {
                    result = context.validateCode(options, coding, valueSet);
                }
            }
            default -> {
                codeableConcept = (CodeableConcept) VersionConvertorFactory_40_50.convertType(validation.received());
                var concept = codeableConcept;
                var conceptOptions = options;
                var systems = concept.getCoding().stream()
                        .filter(c -> !c.hasVersion())
                        .map(Coding::getSystem)
                        .distinct()
                        .toList();
                var found = systems.size() == 1
                        ? inSomeVersion(
                                valueSet,
                                profile,
                                systems.get(0),
                                part -> context.validateCode(conceptOptions, concept, part))
                        : null;
                result = found != null ? found.result() : context.validateCode(options, codeableConcept, valueSet);
                if (concept.getCoding().size() == 1
                        && callsADefinedSystemUnknown(context, result, concept.getCodingFirstRep())) {
                    result = inCodeableConcept(context.validateCode(options, concept.getCodingFirstRep(), valueSet));
                }
            }
        }
        var concept = codeableConcept != null
                        && codeableConcept.getCoding().size() > 1
                        && result.getSeverity() != IssueSeverity.ERROR
                ? firstValidCoding(context, options, codeableConcept, valueSet, result)
                : result;
        if (codeSystemMode && system != null) {
            var supplement = context.fetchResource(org.hl7.fhir.r5.model.CodeSystem.class, system);
            if (supplement != null
                    && supplement.getContent() == org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode.SUPPLEMENT) {
                return UnknownCodeSystem.supplementAsSystem(
                        supplement.getVersionedUrl(),
                        system,
                        code,
                        validation.kind() == CodeValidation.Kind.CODING ? "Coding.system" : "system");
            }
        }
        if (codeSystemMode
                && system != null
                && context.fetchCodeSystem(system) == null
                && ValidationOutput.reportsUnknownSystem(result)) {
            return UnknownCodeSystem.validation(system, code, null);
        }
        DefaultLanguageDisplay.accept(
                context, result, given(validation, code, system, codeableConcept), options.langSummary());
        acceptUnknownCodeOfFragment(result);
        if (result.getSeverity() == IssueSeverity.FATAL) {
            var outcome = new OperationOutcome();
            outcome.getIssue().addAll(result.getIssues());
            MessageWording.apply(outcome);
            throw new TerminologyOperationException(
                    ReferenceExpansion.statusFor(result.getErrorClass(), result.getIssues()),
                    (org.hl7.fhir.r4.model.OperationOutcome) VersionConvertorFactory_40_50.convertResource(outcome));
        }
        // a codeable concept of one coding was checked in a version of that coding's code system: named when the answer
        // is valid, or when it is invalid because of the version (an unknown version; not for an unknown code)
        var checkedSystem = system;
        var checkedVersion = requestedVersion;
        if (codeableConcept != null
                && codeableConcept.getCoding().size() == 1
                && (result.getSeverity() != IssueSeverity.ERROR
                        || result.getUnknownSystems() != null
                                && !result.getUnknownSystems().isEmpty())) {
            checkedSystem = codeableConcept.getCodingFirstRep().getSystem();
            checkedVersion = codeableConcept.getCodingFirstRep().getVersion();
        }
        return (org.hl7.fhir.r4.model.Parameters) VersionConvertorFactory_40_50.convertResource(
                MessageWording.apply(ValidationOutput.of(
                        result,
                        concept,
                        code,
                        system,
                        ValidationOutput.usedVersion(
                                context,
                                result,
                                checkedSystem,
                                ValidationOutput.profileVersion(profile, checkedSystem, checkedVersion)),
                        codeableConcept)));
    }
}
