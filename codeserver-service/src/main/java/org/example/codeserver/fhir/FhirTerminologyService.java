package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.context.ExpansionOptions;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.CodeableConcept;
import org.hl7.fhir.r5.model.Coding;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.model.UriType;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ValueSetExpansionContainsComponent;
import org.hl7.fhir.r5.terminologies.utilities.TerminologyServiceErrorClass;
import org.hl7.fhir.r5.terminologies.utilities.ValidationResult;
import org.hl7.fhir.utilities.FhirPublication;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.utilities.validation.ValidationOptions;
import org.springframework.stereotype.Service;

/**
 * ValueSet $expand and $validate-code, and CodeSystem $validate-code, on FHIR-defined content. The value set
 * algebra (compose, filters, versions, supplements, languages) is the HL7 reference engine of the FHIR core library;
 * this class maps the operations' parameters onto it and its results back onto the operations' outputs.
 */
@Service
public class FhirTerminologyService {

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

    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile(
            "\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*(\\s*;\\s*q=[0-9.]+)?(\\s*,\\s*(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\\s*;\\s*q=[0-9.]+)?)*");
    private static final String ANONYMOUS = "urn:uuid:00000000-0000-0000-0000-000000000000";

    private final TerminologyWorkspace workspace;
    private final IndexedTerminologyService indexed;
    private final IndexedValueSets valueSets;
    private final TerminologyResourceService resources;
    private final ExpansionProperties limits;

    FhirTerminologyService(
            TerminologyWorkspace workspace,
            IndexedTerminologyService indexed,
            IndexedValueSets valueSets,
            TerminologyResourceService resources,
            ExpansionProperties limits) {
        this.limits = limits;
        this.workspace = workspace;
        this.indexed = indexed;
        this.valueSets = valueSets;
        this.resources = resources;
    }

    /** The cost budget of one request, started now. */
    ExpansionBudget budget() {
        return ExpansionBudget.start(limits);
    }

    public org.hl7.fhir.r4.model.ValueSet expand(TerminologyRequest request, org.hl7.fhir.r4.model.ValueSet instance) {
        var budget = budget();
        var model = modelValueSet(request, instance);
        if (model != null) {
            var echo = new ArrayList<org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent>();
            for (var p : request.received().getParameter()) {
                if (Utilities.existsInList(
                        p.getName(),
                        "filter",
                        "count",
                        "offset",
                        "activeOnly",
                        "displayLanguage",
                        "excludeNested",
                        "includeDesignations")) {
                    echo.add(p);
                }
            }
            var count = request.integer("count", Integer.MAX_VALUE);
            var offset = Math.max(0, request.integer("offset", 0));
            return valueSets.expand(
                    model,
                    request.string("filter"),
                    offset,
                    count < 0 ? 0 : count,
                    request.flag("activeOnly", false),
                    request.language(),
                    echo,
                    budget);
        }
        try (var lease = workspace.open(request.definitions(), budget)) {
            return expand(lease.context(), request, instance, budget);
        }
    }

    private org.hl7.fhir.r4.model.ValueSet expand(
            SimpleWorkerContext context,
            TerminologyRequest request,
            org.hl7.fhir.r4.model.ValueSet instance,
            ExpansionBudget budget) {
        checkLanguage(request);
        var valueSet = instance != null
                ? (ValueSet) VersionConvertorFactory_40_50.convertResource(instance)
                : resolveValueSet(context, request, true);
        budget.admit(valueSet);
        var filter = request.string("filter");
        var parameters = new Parameters();
        for (var p : request.parameters().getParameter()) {
            if (!Utilities.existsInList(
                            p.getName(), "url", "valueSet", "valueSetVersion", "context", "filter", "_format")
                    && !(filter != null && Utilities.existsInList(p.getName(), "count", "offset"))) {
                parameters.addParameter(p.copy());
            }
        }
        var hierarchical = filter == null && !request.flag("excludeNested", false);
        var options = new ExpansionOptions(false, hierarchical, 0, false, request.language());
        if (instance != null || request.parameters().getParameter("valueSet") != null) {
            valueSet = valueSet.copy();
            RegexFilter.precompute(context, valueSet, budget);
            TerminologyWorkspace.dropSatisfiedSupplementRequirements(context, valueSet);
        }
        budget.check();
        var anonymous = !valueSet.hasUrl();
        if (anonymous) {
            valueSet = valueSet.copy();
            valueSet.setUrl(ANONYMOUS);
        }
        var outcome = context.expandVS(options, valueSet, parameters, true);
        if (outcome.getValueset() == null) {
            throw expansionFailure(outcome.getError(), outcome.getErrorClass(), outcome.getIssues());
        }
        var expanded = outcome.getValueset();
        if (!request.has("excludeNested")) {
            expanded.getExpansion().getParameter().removeIf(p -> "excludeNested".equals(p.getName()));
        }
        if (anonymous) {
            expanded.setUrl(null);
        }
        if (filter != null) {
            applyTextFilter(expanded, filter, request);
        }
        return (org.hl7.fhir.r4.model.ValueSet) VersionConvertorFactory_40_50.convertResource(expanded);
    }

    public org.hl7.fhir.r4.model.Parameters validateInValueSet(
            TerminologyRequest request, org.hl7.fhir.r4.model.ValueSet instance) {
        return validateInValueSet(request, instance, budget());
    }

    /** $validate-code against a value set, within the budget of a request that has already started (a batch). */
    org.hl7.fhir.r4.model.Parameters validateInValueSet(
            TerminologyRequest request, org.hl7.fhir.r4.model.ValueSet instance, ExpansionBudget budget) {
        var model = modelValueSet(request, instance);
        if (model != null) {
            var coding = codingOf(request);
            var system = coding.getSystem() != null
                    ? coding.getSystem()
                    : model.getCompose().getIncludeFirstRep().getSystem();
            var cs = indexed.codeSystem(system, coding.getVersion());
            if (cs.isPresent() && valueSets.contains(model, system, coding.getCode(), budget)) {
                return indexed.validate(
                        cs.get(),
                        coding.getCode(),
                        coding.getDisplay(),
                        request.language(),
                        request.flag("lenient-display-validation", false),
                        null);
            }
            if (cs.isPresent()) {
                return indexed.notFound(cs.get(), coding.getCode(), model.getUrl());
            }
            if (coding.getSystem() != null
                    && !indexed.knows(coding.getSystem())
                    && !definedInWorkspace(coding.getSystem(), budget)) {
                return UnknownCodeSystem.validation(coding.getSystem(), coding.getCode(), model.getUrl());
            }
        }
        try (var lease = workspace.open(request.definitions(), budget)) {
            var context = lease.context();
            var valueSet = instance != null
                    ? (ValueSet) VersionConvertorFactory_40_50.convertResource(instance)
                    : resolveValueSet(context, request, false);
            budget.admit(valueSet);
            if (instance != null || request.parameters().getParameter("valueSet") != null) {
                valueSet = valueSet.copy();
                RegexFilter.precompute(context, valueSet, budget);
                TerminologyWorkspace.dropSatisfiedSupplementRequirements(context, valueSet);
            }
            return validate(context, request, valueSet, false);
        }
    }

    public org.hl7.fhir.r4.model.Parameters validateInCodeSystem(
            TerminologyRequest request, org.hl7.fhir.r4.model.CodeSystem instance) {
        if (!request.hasDefinitions()) {
            var coding = codingOf(request);
            var system = instance != null
                    ? instance.getUrl()
                    : request.string("url") != null ? request.string("url") : coding.getSystem();
            var cs = indexed.codeSystem(
                    system, request.string("version") != null ? request.string("version") : coding.getVersion());
            if (cs.isPresent()) {
                return indexed.validate(
                        cs.get(),
                        coding.getCode(),
                        coding.getDisplay(),
                        request.language(),
                        request.flag("lenient-display-validation", false),
                        null);
            }
        }
        if (instance != null) {
            request.parameters().setParameter("url", new UriType(instance.getUrl()));
            if (instance.hasVersion() && !request.has("version")) {
                request.parameters().setParameter("version", new StringType(instance.getVersion()));
            }
        }
        try (var lease = workspace.open(request.definitions())) {
            return validate(lease.context(), request, null, true);
        }
    }

    private boolean definedInWorkspace(String system, ExpansionBudget budget) {
        try (var lease = workspace.open(List.of(), budget)) {
            return lease.context().fetchCodeSystem(system) != null;
        }
    }

    /** The value set when it lies wholly in the code system model (and the caller sent no definitions), else null. */
    private org.hl7.fhir.r4.model.ValueSet modelValueSet(
            TerminologyRequest request, org.hl7.fhir.r4.model.ValueSet instance) {
        if (request.hasDefinitions()) {
            return null;
        }
        var valueSet = instance;
        if (valueSet == null) {
            for (var p : request.received().getParameter()) {
                if ("valueSet".equals(p.getName()) && p.getResource() instanceof org.hl7.fhir.r4.model.ValueSet vs) {
                    valueSet = vs;
                }
            }
        }
        if (valueSet == null) {
            var url = request.string("url");
            if (url == null) {
                return null;
            }
            var version = request.string("valueSetVersion");
            if (url.contains("|")) {
                version = url.substring(url.indexOf('|') + 1);
                url = url.substring(0, url.indexOf('|'));
            }
            var system = url.endsWith("?vs")
                    ? url.substring(0, url.length() - 3)
                    : url.endsWith("?fhir_vs") ? url.substring(0, url.length() - 8) : null;
            if (system != null && indexed.knows(system)) {
                valueSet = new org.hl7.fhir.r4.model.ValueSet();
                valueSet.setUrl(url);
                valueSet.setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
                valueSet.getCompose().addInclude().setSystem(system);
            } else {
                var stored = resources.search("ValueSet", url, version, null);
                if (stored.isEmpty()) {
                    return null;
                }
                valueSet = (org.hl7.fhir.r4.model.ValueSet) stored.get(stored.size() - 1);
            }
        }
        return valueSets.covers(valueSet) ? valueSet : null;
    }

    private static org.hl7.fhir.r4.model.Coding codingOf(TerminologyRequest request) {
        for (var p : request.received().getParameter()) {
            if ("coding".equals(p.getName()) && p.getValue() instanceof org.hl7.fhir.r4.model.Coding c) {
                return c;
            }
            if ("codeableConcept".equals(p.getName())
                    && p.getValue() instanceof org.hl7.fhir.r4.model.CodeableConcept cc
                    && cc.hasCoding()) {
                return cc.getCodingFirstRep();
            }
        }
        var coding = new org.hl7.fhir.r4.model.Coding(
                request.string("system"), request.string("code"), request.string("display"));
        coding.setVersion(
                request.string("systemVersion") != null ? request.string("systemVersion") : request.string("version"));
        if (coding.getCode() == null) {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.REQUIRED,
                    "invalid-data",
                    "Provide one of 'code' (with 'system' or 'url'), 'coding' or 'codeableConcept'");
        }
        return coding;
    }

    private ValueSet resolveValueSet(SimpleWorkerContext context, TerminologyRequest request, boolean forExpansion) {
        var supplied = request.parameters().getParameter("valueSet");
        if (supplied != null && supplied.getResource() instanceof ValueSet vs) {
            return vs;
        }
        var url = request.string("url");
        if (url == null) {
            url = request.string("valueSet");
        }
        if (url == null) {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.REQUIRED,
                    "invalid-data",
                    "A value set must be identified by 'url', by 'valueSet' or by the instance");
        }
        var version = request.string("valueSetVersion");
        if (url.contains("|")) {
            version = url.substring(url.indexOf('|') + 1);
            url = url.substring(0, url.indexOf('|'));
        }
        var found = version == null
                ? context.fetchResource(ValueSet.class, url)
                : context.fetchResource(ValueSet.class, url, version, null);
        if (found == null) {
            found = implicitValueSet(context, url);
        }
        if (found == null) {
            var versioned = version == null ? url : url + "|" + version;
            var message = context.formatMessage(I18nConstants.UNABLE_TO_RESOLVE_VALUE_SET_, versioned);
            var outcome = new org.hl7.fhir.r4.model.OperationOutcome();
            var issue = outcome.addIssue()
                    .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
                    .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTFOUND);
            issue.addExtension(
                    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                    new org.hl7.fhir.r4.model.StringType(I18nConstants.UNABLE_TO_RESOLVE_VALUE_SET_));
            issue.getDetails()
                    .addCoding(new org.hl7.fhir.r4.model.Coding(
                            "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "not-found", null));
            issue.getDetails().setText(message);
            throw new TerminologyOperationException(404, outcome);
        }
        return found;
    }

    /** {@code <code system url>?vs} and {@code ?fhir_vs}: all codes of a code system. */
    private static ValueSet implicitValueSet(SimpleWorkerContext context, String url) {
        String system = null;
        if (url.endsWith("?vs")) {
            system = url.substring(0, url.length() - 3);
        } else if (url.endsWith("?fhir_vs")) {
            system = url.substring(0, url.length() - 8);
        }
        if (system == null || context.fetchCodeSystem(system) == null) {
            return null;
        }
        var vs = new ValueSet();
        vs.setUrl(url);
        vs.setStatus(org.hl7.fhir.r5.model.Enumerations.PublicationStatus.ACTIVE);
        vs.getCompose().addInclude().setSystem(system);
        return vs;
    }

    /** A displayLanguage that is no language tag at all is refused before the engine sees it. */
    static void checkLanguage(TerminologyRequest request) {
        var language = request.string("displayLanguage");
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            var outcome = new org.hl7.fhir.r4.model.OperationOutcome();
            var issue = outcome.addIssue()
                    .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR)
                    .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.PROCESSING);
            issue.addExtension(
                    "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                    new org.hl7.fhir.r4.model.StringType("INVALID_DISPLAY_NAME"));
            issue.getDetails()
                    .addCoding(new org.hl7.fhir.r4.model.Coding(
                            "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type", "invalid-display", null));
            issue.getDetails().setText("Invalid displayLanguage: '" + language + "'");
            throw new TerminologyOperationException(400, outcome);
        }
    }

    private org.hl7.fhir.r4.model.Parameters validate(
            SimpleWorkerContext context, TerminologyRequest request, ValueSet valueSet, boolean codeSystemMode) {
        checkLanguage(request);
        var p = request.parameters();
        var options = new ValidationOptions(FhirPublication.R5);
        var language = request.language();
        if (language != null) {
            options = options.withLanguage(language);
        }
        if (request.flag("valueset-membership-only", false)
                || "CHECK_MEMBERSHIP_ONLY".equals(request.string("valueSetMode"))) {
            options = options.withCheckValueSetOnly();
        }
        if (request.flag("lenient-display-validation", false)
                || "lenient-display-validation".equals(request.string("mode"))) {
            options = options.setDisplayWarningMode(true);
        }
        if (request.flag("activeOnly", false)) {
            options = options.setActiveOnly(true);
        }
        var profile = new Parameters();
        for (var pp : p.getParameter()) {
            if (VALIDATION_PROFILE.contains(pp.getName())) {
                profile.addParameter(pp.copy());
            }
        }
        context.setExpansionParameters(profile);

        String code = null;
        String system = null;
        CodeableConcept codeableConcept = null;
        String requestedVersion = null;
        ValidationResult result;
        if (p.hasParameter("code")) {
            code = request.string("code");
            system = request.string(codeSystemMode ? "url" : "system");
            if (codeSystemMode && system == null) {
                system = request.string("system");
            }
            var version = request.string(codeSystemMode ? "version" : "systemVersion");
            requestedVersion = version;
            var display = request.string("display");
            var inferSystem = !codeSystemMode && system == null && request.flag("inferSystem", true);
            result = context.validateCode(
                    inferSystem ? options.withGuessSystem() : options, system, version, code, display, valueSet);
        } else if (p.hasParameter("coding")) {
            var coding = (Coding) p.getParameterValue("coding");
            code = coding.getCode();
            system = coding.getSystem();
            requestedVersion = coding.getVersion();
            result = context.validateCode(options, coding, valueSet);
        } else if (p.hasParameter("codeableConcept")) {
            codeableConcept = (CodeableConcept) p.getParameterValue("codeableConcept");
            result = context.validateCode(options, codeableConcept, valueSet);
        } else {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.REQUIRED,
                    "invalid-data",
                    "Provide one of 'code' (with 'system' or 'url'), 'coding' or 'codeableConcept'");
        }
        if (codeSystemMode
                && system != null
                && context.fetchCodeSystem(system) == null
                && ValidationOutput.reportsUnknownSystem(result)) {
            return UnknownCodeSystem.validation(system, code, null);
        }
        if (result.getSeverity() == IssueSeverity.FATAL) {
            var outcome = new OperationOutcome();
            outcome.getIssue().addAll(result.getIssues());
            MessageWording.apply(outcome);
            throw new TerminologyOperationException(
                    statusFor(result.getErrorClass()),
                    (org.hl7.fhir.r4.model.OperationOutcome) VersionConvertorFactory_40_50.convertResource(outcome));
        }
        return (org.hl7.fhir.r4.model.Parameters) VersionConvertorFactory_40_50.convertResource(
                MessageWording.apply(ValidationOutput.of(
                        result,
                        code,
                        system,
                        ValidationOutput.usedVersion(
                                context,
                                result,
                                system,
                                ValidationOutput.profileVersion(profile, system, requestedVersion)),
                        codeableConcept)));
    }

    /** Text filter over an expansion: every word of the filter must start a word of the display (or be the code). */
    private static void applyTextFilter(ValueSet expanded, String filter, TerminologyRequest request) {
        var words = filter.toLowerCase(Locale.ROOT).trim().split("\\s+");
        var flat = new ArrayList<ValueSetExpansionContainsComponent>();
        flatten(expanded.getExpansion().getContains(), flat);
        var matches = new ArrayList<ValueSetExpansionContainsComponent>();
        for (var c : flat) {
            if (TextMatch.matches(words, c.getCode(), c.getDisplay())) {
                c.getContains().clear();
                matches.add(c);
            }
        }
        var offset = Math.max(0, intParam(request, "offset", 0));
        var count = intParam(request, "count", Integer.MAX_VALUE);
        var expansion = expanded.getExpansion();
        expansion.getContains().clear();
        for (int i = offset; i < matches.size() && i - offset < count; i++) {
            expansion.getContains().add(matches.get(i));
        }
        expansion.setTotal(matches.size());
        expansion.getParameter().removeIf(p -> Utilities.existsInList(p.getName(), "excludeNested"));
        expansion.addParameter().setName("filter").setValue(new StringType(filter));
        if (request.has("offset")) {
            expansion.setOffset(offset);
            expansion.addParameter().setName("offset").setValue(new IntegerType(offset));
        }
        if (request.has("count")) {
            expansion.addParameter().setName("count").setValue(new IntegerType(count));
        }
        if (request.has("excludeNested")) {
            expansion
                    .addParameter()
                    .setName("excludeNested")
                    .setValue(new BooleanType(request.flag("excludeNested", false)));
        }
    }

    private static int intParam(TerminologyRequest request, String name, int otherwise) {
        var value = request.string(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.INVALID,
                    "invalid-data",
                    "Parameter '" + name + "' must be an integer");
        }
    }

    private static void flatten(
            List<ValueSetExpansionContainsComponent> contains, List<ValueSetExpansionContainsComponent> into) {
        for (var c : contains) {
            if (c.hasCode()) {
                into.add(c);
            }
            flatten(c.getContains(), into);
        }
    }

    static TerminologyOperationException expansionFailure(
            String message,
            TerminologyServiceErrorClass errorClass,
            List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
        var outcome = new OperationOutcome();
        if (issues != null && !issues.isEmpty()) {
            outcome.getIssue().addAll(issues);
            MessageWording.apply(outcome);
        } else {
            var issue = outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR);
            issue.setCode(
                    switch (errorClass == null ? TerminologyServiceErrorClass.UNKNOWN : errorClass) {
                        case BLOCKED_BY_OPTIONS -> OperationOutcome.IssueType.FORBIDDEN;
                        case BUSINESS_RULE -> OperationOutcome.IssueType.BUSINESSRULE;
                        case CODESYSTEM_UNSUPPORTED -> OperationOutcome.IssueType.NOTFOUND;
                        case VALUESET_UNKNOWN -> OperationOutcome.IssueType.NOTFOUND;
                        case TOO_COSTLY -> OperationOutcome.IssueType.TOOCOSTLY;
                        case VALUESET_UNSUPPORTED -> OperationOutcome.IssueType.NOTSUPPORTED;
                        default -> OperationOutcome.IssueType.PROCESSING;
                    });
            issue.getDetails().setText(MessageWording.apply(message));
        }
        return new TerminologyOperationException(statusFor(errorClass), (org.hl7.fhir.r4.model.OperationOutcome)
                VersionConvertorFactory_40_50.convertResource(outcome));
    }

    private static int statusFor(TerminologyServiceErrorClass errorClass) {
        if (errorClass == null) {
            return 400;
        }
        return switch (errorClass) {
            case CODESYSTEM_UNSUPPORTED, VALUESET_UNKNOWN -> 404;
            case BUSINESS_RULE, TOO_COSTLY -> 422;
            case INTERNAL_ERROR, SERVER_ERROR -> 500;
            default -> 400;
        };
    }
}
