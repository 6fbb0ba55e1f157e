package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Reads and searches follow FHIR's rules for partial resources: a code system is whole unless a summary is asked for. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class PartialResourceTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    private static final String SUBSETTED = "SUBSETTED";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Autowired
    TestRestTemplate http;

    @Test
    void readsEveryConceptOfIcd10SeInAPlainRead() {
        var icd = get("/fhir/CodeSystem/icd-10-se-2022", CodeSystem.class);

        assertThat(icd.getContent()).isEqualTo(CodeSystemContentMode.COMPLETE);
        assertThat(all(icd.getConcept())).hasSizeGreaterThan(35_000).hasSize(icd.getCount());
        assertThat(icd.getConcept()).hasSize(22);
        var chapter5 = icd.getConcept().stream()
                .filter(c -> c.getCode().equals("05"))
                .findFirst()
                .orElseThrow();
        assertThat(all(chapter5.getConcept()))
                .anySatisfy(c -> assertThat(c.getCode()).isEqualTo("F321"));
        assertThat(icd.getMeta().getTag())
                .noneSatisfy(t -> assertThat(t.getCode()).isEqualTo(SUBSETTED));
    }

    @Test
    void searchesWithSummaryFalseReturnEveryConcept() {
        var found = get("/fhir/CodeSystem?url=" + ICD + "&version=2022&_summary=false", Bundle.class);

        var icd = (CodeSystem) found.getEntryFirstRep().getResource();
        assertThat(icd.getContent()).isEqualTo(CodeSystemContentMode.COMPLETE);
        assertThat(all(icd.getConcept())).hasSizeGreaterThan(35_000).hasSize(icd.getCount());
    }

    /** Every concept of a nested concept list. */
    static java.util.List<CodeSystem.ConceptDefinitionComponent> all(
            java.util.List<CodeSystem.ConceptDefinitionComponent> concepts) {
        var all = new java.util.ArrayList<CodeSystem.ConceptDefinitionComponent>();
        for (var c : concepts) {
            all.add(c);
            all.addAll(all(c.getConcept()));
        }
        return all;
    }

    @Test
    void leavesConceptsOutOfASummaryAndTagsItSubsetted() {
        var found = get("/fhir/CodeSystem?url=" + ICD + "&_summary=true", Bundle.class);

        assertThat(found.getEntry()).hasSize(3).allSatisfy(e -> {
            var cs = (CodeSystem) e.getResource();
            assertThat(cs.hasConcept()).isFalse();
            assertThat(cs.getCount()).isGreaterThan(35_000);
            assertThat(cs.getMeta().getTag())
                    .anySatisfy(t -> assertThat(t.getCode()).isEqualTo(SUBSETTED));
        });

        var elements = get("/fhir/CodeSystem/icd-10-se-2022?_elements=url,version", CodeSystem.class);
        assertThat(elements.hasConcept()).isFalse();
        assertThat(elements.getVersion()).isEqualTo("2022");
        assertThat(elements.hasPublisher()).isFalse();
        assertThat(elements.getMeta().getTag())
                .anySatisfy(t -> assertThat(t.getCode()).isEqualTo(SUBSETTED));
    }

    @Test
    void pagesSearchResultsWithCountAndNextLinks() {
        var all = get("/fhir/CodeSystem?_summary=count", Bundle.class);
        assertThat(all.getEntry()).isEmpty();
        assertThat(all.getTotal()).isGreaterThan(4);

        var first = get("/fhir/CodeSystem?_summary=true&_count=2", Bundle.class);
        assertThat(first.getEntry()).hasSize(2);
        assertThat(first.getTotal()).isEqualTo(all.getTotal());
        var next = first.getLink("next");
        assertThat(next).isNotNull();

        var path = next.getUrl().substring(next.getUrl().indexOf("/fhir"));
        var second = get(path, Bundle.class);
        assertThat(second.getEntry()).hasSize(2);
        assertThat(second.getEntryFirstRep().getResource().getIdElement().getIdPart())
                .isNotEqualTo(
                        first.getEntryFirstRep().getResource().getIdElement().getIdPart());
    }

    @Test
    void summarisesValueSetsAndConceptMapsToo() {
        var maps = get("/fhir/ConceptMap?_elements=url", Bundle.class);
        assertThat(maps.getEntry()).isNotEmpty().allSatisfy(e -> {
            var map = (org.hl7.fhir.r4.model.ConceptMap) e.getResource();
            assertThat(map.hasUrl()).isTrue();
            assertThat(map.hasGroup()).isFalse();
            assertThat(map.getMeta().getTag())
                    .anySatisfy(t -> assertThat(t.getCode()).isEqualTo(SUBSETTED));
        });
        var valueSets = get("/fhir/ValueSet?_summary=count", Bundle.class);
        assertThat(valueSets.getEntry()).isEmpty();
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T get(String path, Class<T> type) {
        var headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.parseMediaType("application/fhir+json")));
        var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode())
                .as(path + " -> " + response.getBody())
                .isEqualTo(HttpStatus.OK);
        return FHIR.newJsonParser().parseResource(type, response.getBody());
    }
}
