package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.context.ExpansionOptions;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.BooleanType;
import org.hl7.fhir.r5.model.IntegerType;
import org.hl7.fhir.r5.model.OperationOutcome;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.StringType;
import org.hl7.fhir.r5.model.UriType;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ValueSetExpansionContainsComponent;
import org.hl7.fhir.r5.terminologies.CodeSystemUtilities;
import org.hl7.fhir.r5.terminologies.ValueSetUtilities;
import org.hl7.fhir.r5.terminologies.utilities.TerminologyServiceErrorClass;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.i18n.I18nConstants;

/** ValueSet {@code $expand} by the HL7 reference engine, and the value set of a request in the engine's model. */
final class ReferenceExpansion {

    private static final String TX_ISSUE_TYPE = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type";
    private static final String STATUS = "status";
    private static final String ANONYMOUS = "urn:uuid:00000000-0000-0000-0000-000000000000";

    private ReferenceExpansion() {}

    static org.hl7.fhir.r4.model.ValueSet expand(
            SimpleWorkerContext context, ValueSetExpansion expansion, ExpansionBudget budget) {
        expansion.languages().check();
        var valueSet = valueSet(context, expansion.valueSet());
        budget.admit(valueSet);
        var filter = expansion.filter();
        var parameters = new Parameters();
        for (var p : expansion.engine().parameters().getParameter()) {
            if (!Utilities.existsInList(
                            p.getName(), "url", "valueSet", "valueSetVersion", "context", "filter", "_format")
                    && !(filter != null && Utilities.existsInList(p.getName(), "count", "offset"))) {
                parameters.addParameter(p.copy());
            }
        }
        var hierarchical = filter == null && !Boolean.TRUE.equals(expansion.excludeNested());
        var options = new ExpansionOptions(
                false, hierarchical, 0, false, expansion.languages().preferred());
        if (expansion.valueSet().sent()) {
            valueSet = valueSet.copy();
            ValueSetPreparation.prepare(context, valueSet, budget);
        }
        ReferenceEngine.requireSupplements(context, valueSet);
        ValueSetImports.requireNoCircle(context, valueSet);
        budget.check();
        var anonymous = !valueSet.hasUrl();
        if (anonymous) {
            valueSet = valueSet.copy();
            valueSet.setUrl(ANONYMOUS);
        }
        var union = filter == null ? VersionUnion.of(valueSet, parameters) : null;
        ValueSet expanded;
        if (union != null) {
            expanded = union.expand(context, valueSet, parameters, expansion);
        } else {
            var outcome = context.expandVS(options, valueSet, parameters, true);
            if (outcome.getValueset() == null) {
                throw expansionFailure(outcome.getError(), outcome.getErrorClass(), outcome.getIssues());
            }
            expanded = outcome.getValueset();
            totalOfImportsBeyondThePage(context, options, valueSet, parameters, expanded);
        }
        excludeWholeSystems(valueSet, expanded);
        statusOfInactiveCodes(context, expanded);
        withoutContainedValueSets(valueSet, expanded);
        if (filter == null
                && expansion.paging().countSent()
                && expansion.paging().count() == 0) {
            onlyTheTotal(expanded);
        }
        echoDefaultValueSetVersions(expansion, expanded);
        if (expansion.excludeNested() == null) {
            expanded.getExpansion().getParameter().removeIf(p -> "excludeNested".equals(p.getName()));
        }
        if (anonymous) {
            expanded.setUrl(null);
        }
        if (filter != null) {
            applyTextFilter(expanded, filter, expansion);
        }
        return (org.hl7.fhir.r4.model.ValueSet) VersionConvertorFactory_40_50.convertResource(expanded);
    }

    /**
     * An exclude that names a whole code system (no concepts, filters or value sets) removes every code of that system
     * (of that version, if it names one) from the expansion; the engine records such an exclude but leaves the codes
     * that an include's filter selected.
     */
    private static void excludeWholeSystems(ValueSet valueSet, ValueSet expanded) {
        var whole = valueSet.getCompose().getExclude().stream()
                .filter(e -> e.hasSystem() && !e.hasConcept() && !e.hasFilter() && !e.hasValueSet())
                .toList();
        if (whole.isEmpty()) {
            return;
        }
        var contains = new ArrayList<ValueSetExpansionContainsComponent>();
        flatten(expanded.getExpansion().getContains(), contains);
        var removed = contains.stream()
                .filter(c -> whole.stream()
                        .anyMatch(e -> e.getSystem().equals(c.getSystem())
                                && (!e.hasVersion()
                                        || !c.hasVersion()
                                        || e.getVersion().equals(c.getVersion()))))
                .toList();
        if (removed.isEmpty()) {
            return;
        }
        removeAll(expanded.getExpansion().getContains(), removed);
        if (expanded.getExpansion().hasTotal()) {
            expanded.getExpansion().setTotal(expanded.getExpansion().getTotal() - removed.size());
        }
    }

    /**
     * The {@code total} of a page ({@code count} of fewer codes than the expansion has) of a value set that imports
     * another: the engine expands each import only as far as the page and counts no further, so its total is short (a
     * value set of the 4 codes of {@code administrative-gender} imported and 4 more answers {@code count=1} with
     * {@code total: 5}). The total is taken from the whole expansion instead.
     */
    private static void totalOfImportsBeyondThePage(
            SimpleWorkerContext context,
            ExpansionOptions options,
            ValueSet valueSet,
            Parameters parameters,
            ValueSet expanded) {
        var paged = parameters.getParameter().stream()
                .anyMatch(p -> "count".equals(p.getName()) || "offset".equals(p.getName()));
        var imports = valueSet.getCompose().getInclude().stream().anyMatch(ValueSet.ConceptSetComponent::hasValueSet)
                || valueSet.getCompose().getExclude().stream().anyMatch(ValueSet.ConceptSetComponent::hasValueSet);
        if (!paged || !imports) {
            return;
        }
        var whole = parameters.copy();
        whole.getParameter().removeIf(p -> "count".equals(p.getName()) || "offset".equals(p.getName()));
        var all = context.expandVS(options, valueSet, whole, true).getValueset();
        if (all == null) {
            return;
        }
        var contains = new ArrayList<ValueSetExpansionContainsComponent>();
        flatten(all.getExpansion().getContains(), contains);
        expanded.getExpansion()
                .setTotal(all.getExpansion().hasTotal() ? all.getExpansion().getTotal() : contains.size());
    }

    /**
     * An inactive code in the expansion carries its status in the code system ({@code retired}, …) as the property
     * {@code status}, as the HL7 terminology servers give it (the engine marks the code inactive and drops the status).
     */
    private static void statusOfInactiveCodes(SimpleWorkerContext context, ValueSet expanded) {
        var contains = new ArrayList<ValueSetExpansionContainsComponent>();
        flatten(expanded.getExpansion().getContains(), contains);
        for (var c : contains) {
            if (!c.getInactive()
                    || !c.hasSystem()
                    || c.getProperty().stream().anyMatch(p -> STATUS.equals(p.getCode()))) {
                continue;
            }
            var codeSystem = c.hasVersion()
                    ? context.fetchCodeSystem(c.getSystem(), c.getVersion(), null)
                    : context.fetchCodeSystem(c.getSystem());
            var concept =
                    codeSystem == null ? null : CodeSystemUtilities.findCode(codeSystem.getConcept(), c.getCode());
            var status = concept == null ? null : CodeSystemUtilities.getStatus(codeSystem, concept);
            if (status != null && !"active".equalsIgnoreCase(status)) {
                ValueSetUtilities.addCodeProperty(
                        expanded, c, "http://hl7.org/fhir/concept-properties#status", STATUS, status);
            }
        }
    }

    /**
     * A value set contained in the one expanded (an include of {@code #id}) is part of its definition, not a value set
     * of its own that was used: it is not named as a {@code used-valueset}.
     */
    private static void withoutContainedValueSets(ValueSet valueSet, ValueSet expanded) {
        var contained = valueSet.getContained().stream()
                .filter(r -> r instanceof ValueSet)
                .map(r -> (ValueSet) r)
                .filter(ValueSet::hasUrl)
                .flatMap(vs -> java.util.stream.Stream.of(vs.getUrl(), vs.getVersionedUrl()))
                .collect(java.util.stream.Collectors.toSet());
        if (!contained.isEmpty()) {
            expanded.getExpansion()
                    .getParameter()
                    .removeIf(p -> "used-valueset".equals(p.getName())
                            && p.hasValue()
                            && contained.contains(p.getValue().primitiveValue()));
        }
    }

    /** {@code count=0} asks how large the expansion is: the total, without any concept (the engine sends them all). */
    private static void onlyTheTotal(ValueSet expanded) {
        var contains = new ArrayList<ValueSetExpansionContainsComponent>();
        flatten(expanded.getExpansion().getContains(), contains);
        if (!expanded.getExpansion().hasTotal()) {
            expanded.getExpansion().setTotal(contains.size());
        }
        expanded.getExpansion().getContains().clear();
    }

    /** The {@code default-valueset-version}s the request set are parameters of the expansion (the engine uses them silently). */
    private static void echoDefaultValueSetVersions(ValueSetExpansion request, ValueSet expanded) {
        for (var p : request.engine().parameters().getParameter()) {
            if ("default-valueset-version".equals(p.getName())
                    && p.hasValue()
                    && p.getValue().isPrimitive()) {
                var value = p.getValue().primitiveValue();
                var echoed = expanded.getExpansion().getParameter().stream()
                        .anyMatch(e -> e.getName().equals(p.getName())
                                && e.hasValue()
                                && value.equals(e.getValue().primitiveValue()));
                if (!echoed) {
                    expanded.getExpansion().addParameter().setName(p.getName()).setValue(new UriType(value));
                }
            }
        }
    }

    /** Removes the codes from the tree, keeping the codes under a removed one in its place. */
    private static void removeAll(
            List<ValueSetExpansionContainsComponent> contains, List<ValueSetExpansionContainsComponent> removed) {
        for (int i = 0; i < contains.size(); i++) {
            var c = contains.get(i);
            removeAll(c.getContains(), removed);
            if (removed.contains(c)) {
                contains.remove(i);
                contains.addAll(i, c.getContains());
                i += c.getContains().size() - 1;
            }
        }
    }

    /** The value set of a request in the engine's model: sent whole, stored, sent along, or implicit. */
    static ValueSet valueSet(SimpleWorkerContext context, ValueSetSource source) {
        if (source.resource() != null) {
            return (ValueSet) VersionConvertorFactory_40_50.convertResource(source.resource());
        }
        var url = source.url();
        if (url == null) {
            throw TerminologyOperationException.of(
                    400,
                    org.hl7.fhir.r4.model.OperationOutcome.IssueType.REQUIRED,
                    "invalid-data",
                    "A value set must be identified by 'url', by 'valueSet' or by the instance");
        }
        var version = source.version();
        var found = version == null
                ? context.fetchResource(ValueSet.class, url)
                : context.fetchResource(ValueSet.class, url, version, null);
        if (found == null) {
            found = implicitValueSet(context, source);
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
    private static ValueSet implicitValueSet(SimpleWorkerContext context, ValueSetSource source) {
        var system = source.implicitSystem();
        if (system == null || context.fetchCodeSystem(system) == null) {
            return null;
        }
        var vs = new ValueSet();
        vs.setUrl(source.url());
        vs.setStatus(org.hl7.fhir.r5.model.Enumerations.PublicationStatus.ACTIVE);
        vs.getCompose().addInclude().setSystem(system);
        return vs;
    }

    /** Text filter over an expansion: every word of the filter must start a word of the display (or be the code). */
    private static void applyTextFilter(ValueSet expanded, String filter, ValueSetExpansion request) {
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
        var paging = request.paging();
        var offset = paging.offset();
        var count = paging.count();
        var expansion = expanded.getExpansion();
        expansion.getContains().clear();
        for (int i = offset; i < matches.size() && i - offset < count; i++) {
            expansion.getContains().add(matches.get(i));
        }
        expansion.setTotal(matches.size());
        expansion.getParameter().removeIf(p -> Utilities.existsInList(p.getName(), "excludeNested"));
        expansion.addParameter().setName("filter").setValue(new StringType(filter));
        if (paging.offsetSent()) {
            expansion.setOffset(offset);
            expansion.addParameter().setName("offset").setValue(new IntegerType(offset));
        }
        if (paging.countSent()) {
            expansion.addParameter().setName("count").setValue(new IntegerType(count));
        }
        if (request.excludeNested() != null) {
            expansion.addParameter().setName("excludeNested").setValue(new BooleanType(request.excludeNested()));
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
            if (issue.getCode() == OperationOutcome.IssueType.NOTFOUND) {
                issue.getDetails().addCoding(TX_ISSUE_TYPE, "not-found", null);
            }
            issue.getDetails().setText(MessageWording.apply(message));
        }
        return new TerminologyOperationException(statusFor(errorClass, issues), (org.hl7.fhir.r4.model.OperationOutcome)
                VersionConvertorFactory_40_50.convertResource(outcome));
    }

    /**
     * The HTTP status of a failure: the engine's error class decides, except that a failure it reports about the
     * request's own content (an invalid value set, a filter without value) is the caller's, never a 500.
     */
    static int statusFor(
            TerminologyServiceErrorClass errorClass, List<OperationOutcome.OperationOutcomeIssueComponent> issues) {
        var status = statusFor(errorClass);
        var aboutTheRequest = issues != null
                && issues.stream()
                        .anyMatch(i -> i.getCode() == OperationOutcome.IssueType.INVALID
                                || i.getCode() == OperationOutcome.IssueType.NOTSUPPORTED
                                || i.getCode() == OperationOutcome.IssueType.BUSINESSRULE);
        return status >= 500 && aboutTheRequest ? 400 : status;
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
