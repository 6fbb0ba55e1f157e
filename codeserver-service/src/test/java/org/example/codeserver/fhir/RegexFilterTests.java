package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.ValueSet;
import org.junit.jupiter.api.Test;

class RegexFilterTests {

    private static final ExpansionProperties LIMITS = new ExpansionProperties(Duration.ofSeconds(30), 100, 50);

    @Test
    void matchesWholeCodes() {
        assertThat(RegexFilter.compile("F3[0-9]+").matches("F321")).isTrue();
        assertThat(RegexFilter.compile("F3[0-9]+").matches("G321")).isFalse();
        assertThat(RegexFilter.compile("F3").matches("F321")).isFalse();
    }

    @Test
    void answersCatastrophicPatternsCorrectlyInsteadOfGivingUp() {
        var evil = RegexFilter.compile("(a+)+$");
        assertThat(evil.matches("a".repeat(10_000) + "!")).isFalse();
        assertThat(evil.matches("a".repeat(10_000))).isTrue();
        assertThat(RegexFilter.compile("((a+)+)+").matches("a".repeat(56))).isTrue();
    }

    @Test
    void refusesBackreferencesAndOverlongPatternsAsInvalid() {
        assertThatThrownBy(() -> RegexFilter.compile("(a)\\1"))
                .isInstanceOfSatisfying(
                        TerminologyOperationException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThatThrownBy(() -> RegexFilter.compile("a".repeat(RegexFilter.MAX_PATTERN_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        TerminologyOperationException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void replacesRegexFiltersOnCodesAndPropertiesByTheCodesTheySelect() throws Exception {
        var context = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
        var codeSystem = new CodeSystem()
                .setUrl("http://example.org/cs")
                .setContent(org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode.COMPLETE);
        codeSystem
                .addConcept()
                .setCode("aaa")
                .addProperty()
                .setCode("prop")
                .setValue(new org.hl7.fhir.r5.model.CodeType("old"));
        codeSystem
                .addConcept()
                .setCode("aab")
                .addProperty()
                .setCode("prop")
                .setValue(new org.hl7.fhir.r5.model.CodeType("new"));
        codeSystem.getConceptFirstRep().addConcept().setCode("aac");
        context.cacheResource(codeSystem);
        var valueSet = new ValueSet();
        valueSet.getCompose()
                .addInclude()
                .setSystem("http://example.org/cs")
                .addFilter()
                .setProperty("code")
                .setOp(FilterOperator.REGEX)
                .setValue("a+[bc]");
        valueSet.getCompose()
                .addExclude()
                .setSystem("http://example.org/cs")
                .addFilter()
                .setProperty("prop")
                .setOp(FilterOperator.REGEX)
                .setValue("n.w");

        RegexFilter.precompute(context, valueSet, ExpansionBudget.start(LIMITS));

        assertThat(valueSet.getCompose().getIncludeFirstRep().getConcept())
                .extracting(c -> c.getCode())
                .containsExactlyInAnyOrder("aab", "aac");
        assertThat(valueSet.getCompose().getIncludeFirstRep().hasFilter()).isFalse();
        assertThat(valueSet.getCompose().getExcludeFirstRep().getConcept())
                .extracting(c -> c.getCode())
                .containsExactly("aab");
    }

    @Test
    void refusesARegexFilterMixedWithOtherFilters() throws Exception {
        var context = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
        var valueSet = new ValueSet();
        var include = valueSet.getCompose().addInclude().setSystem("http://example.org/cs");
        include.addFilter().setProperty("code").setOp(FilterOperator.REGEX).setValue("a.*");
        include.addFilter().setProperty("concept").setOp(FilterOperator.ISA).setValue("a");

        assertThatThrownBy(() -> RegexFilter.precompute(context, valueSet, ExpansionBudget.start(LIMITS)))
                .isInstanceOfSatisfying(
                        TerminologyOperationException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
}
