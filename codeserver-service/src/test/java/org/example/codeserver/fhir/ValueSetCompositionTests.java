package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.Enumerations.CodeSystemContentMode;
import org.hl7.fhir.r5.model.Enumerations.FilterOperator;
import org.hl7.fhir.r5.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.ValueSet;
import org.junit.jupiter.api.Test;

/** How a value set's compose is read before and around the HL7 engine: versions, imports, whole-system excludes. */
class ValueSetCompositionTests {

    private static final String SYSTEM = "http://example.org/cs";
    private static final ExpansionProperties LIMITS = new ExpansionProperties(Duration.ofSeconds(30), 100, 50);

    @Test
    void expandsTheUnionOfEveryVersionAValueSetNamesEachCodeWithItsVersion() throws Exception {
        var context = context();
        var valueSet = valueSet("http://example.org/vs/both");
        valueSet.getCompose().addInclude().setSystem(SYSTEM).setVersion("1.0.0");
        valueSet.getCompose().addInclude().setSystem(SYSTEM).setVersion("2.0.0");

        var expanded =
                VersionUnion.of(valueSet, new Parameters()).expand(context, valueSet, new Parameters(), request());

        assertThat(expanded.getExpansion().getContains())
                .extracting(c -> c.getVersion() + "#" + c.getCode())
                .containsExactlyInAnyOrder(
                        "2.0.0#code1", "2.0.0#code2", "2.0.0#code4", "1.0.0#code1", "1.0.0#code2", "1.0.0#code3");
        assertThat(expanded.getExpansion().getTotal()).isEqualTo(6);
    }

    @Test
    void anExcludeWithAVersionRemovesTheCodesOfThatVersionOnly() throws Exception {
        var context = context();
        var valueSet = valueSet("http://example.org/vs/exclude");
        valueSet.getCompose().addInclude().setSystem(SYSTEM).setVersion("1.0.0");
        valueSet.getCompose().addInclude().setSystem(SYSTEM).setVersion("2.0.0");
        valueSet.getCompose()
                .addExclude()
                .setSystem(SYSTEM)
                .setVersion("1.0.0")
                .addConcept()
                .setCode("code2");

        var expanded =
                VersionUnion.of(valueSet, new Parameters()).expand(context, valueSet, new Parameters(), request());

        assertThat(expanded.getExpansion().getContains())
                .extracting(c -> c.getVersion() + "#" + c.getCode())
                .contains("2.0.0#code2")
                .doesNotContain("1.0.0#code2");
    }

    @Test
    void aValueSetWithOneVersionOrAForcedVersionIsLeftToTheEngine() {
        var one = valueSet("http://example.org/vs/one");
        one.getCompose().addInclude().setSystem(SYSTEM).setVersion("1.0.0");
        assertThat(VersionUnion.of(one, new Parameters())).isNull();

        var both = valueSet("http://example.org/vs/both");
        both.getCompose().addInclude().setSystem(SYSTEM).setVersion("1.0.0");
        both.getCompose().addInclude().setSystem(SYSTEM).setVersion("2.0.0");
        var forced = new Parameters();
        forced.addParameter("force-system-version", new org.hl7.fhir.r5.model.CanonicalType(SYSTEM + "|1.0.0"));
        assertThat(VersionUnion.of(both, forced)).isNull();
    }

    @Test
    void refusesAValueSetThatImportsItselfThroughAnother() throws Exception {
        var context = context();
        var first = valueSet("http://example.org/vs/first");
        first.getCompose().addInclude().addValueSet("http://example.org/vs/second");
        var second = valueSet("http://example.org/vs/second");
        second.getCompose().addExclude().addValueSet("http://example.org/vs/first");
        context.cacheResource(first);
        context.cacheResource(second);

        assertThatThrownBy(() -> ValueSetImports.requireNoCircle(context, first))
                .isInstanceOfSatisfying(TerminologyOperationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    var issue = ((org.hl7.fhir.r4.model.OperationOutcome) e.getOperationOutcome()).getIssueFirstRep();
                    assertThat(issue.getDetails().getCodingFirstRep().getCode()).isEqualTo("vs-invalid");
                    assertThat(issue.getDetails().getText()).contains("http://example.org/vs/first");
                });
    }

    @Test
    void acceptsTheSameValueSetImportedTwiceWithoutACircle() throws Exception {
        var context = context();
        var shared = valueSet("http://example.org/vs/shared");
        shared.getCompose().addInclude().setSystem(SYSTEM).setVersion("1.0.0");
        var top = valueSet("http://example.org/vs/top");
        top.getCompose().addInclude().addValueSet("http://example.org/vs/shared");
        top.getCompose().addExclude().addValueSet("http://example.org/vs/shared");
        context.cacheResource(shared);

        ValueSetImports.requireNoCircle(context, top);
    }

    @Test
    void readsAHierarchyFilterOnCodeAsOneOnConcept() throws Exception {
        var context = context();
        var valueSet = valueSet("http://example.org/vs/isa");
        valueSet.getCompose()
                .addInclude()
                .setSystem(SYSTEM)
                .setVersion("1.0.0")
                .addFilter()
                .setProperty("code")
                .setOp(FilterOperator.ISA)
                .setValue("code1");

        ValueSetPreparation.prepare(context, valueSet, ExpansionBudget.start(LIMITS));

        assertThat(valueSet.getCompose()
                        .getIncludeFirstRep()
                        .getFilterFirstRep()
                        .getProperty())
                .isEqualTo("concept");
    }

    private static SimpleWorkerContext context() throws Exception {
        var context = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
        context.setAllowLoadingDuplicates(true);
        context.setNoTerminologyServer(true);
        context.setCanRunWithoutTerminology(true);
        context.setCachingAllowed(false);
        context.setExpansionParameters(new Parameters());
        context.cacheResource(codeSystem("1.0.0", "code1", "code2", "code3"));
        context.cacheResource(codeSystem("2.0.0", "code1", "code2", "code4"));
        return context;
    }

    private static CodeSystem codeSystem(String version, String... codes) {
        var codeSystem = new CodeSystem()
                .setUrl(SYSTEM)
                .setVersion(version)
                .setStatus(PublicationStatus.ACTIVE)
                .setContent(CodeSystemContentMode.COMPLETE);
        codeSystem.setId("cs-" + version.replace('.', '-'));
        for (var code : codes) {
            codeSystem.addConcept().setCode(code).setDisplay("Display " + code + " (" + version + ")");
        }
        return codeSystem;
    }

    private static ValueSet valueSet(String url) {
        var valueSet = new ValueSet().setUrl(url).setVersion("1").setStatus(PublicationStatus.ACTIVE);
        valueSet.setId(url.substring(url.lastIndexOf('/') + 1));
        return valueSet;
    }

    private static ValueSetExpansion request() {
        return ValueSetExpansion.of(TerminologyRequest.of(new org.hl7.fhir.r4.model.Parameters(), null), null);
    }
}
