package org.example.codeserver.codesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The read API over the bundled code systems as loaded at startup. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class TerminologyServiceTests {

    private static final String ICD = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";

    @Autowired
    TerminologyService terminology;

    @Test
    void listsEveryBundledCodeSystemWithItsVersions() {
        assertThat(terminology.codeSystems())
                .extracting(CodeSystemSummary::slug)
                .contains(
                        "icd-10-se",
                        "kva",
                        "ksh97-p",
                        "icf",
                        "hosp-legitimationsyrken",
                        "hosp-behorighetsbegransning",
                        "hsa-befattning");
        var icd = terminology.codeSystem("icd-10-se");
        assertThat(icd.versions()).extracting(VersionSummary::version).containsExactly("2022", "2021", "2020");
        assertThat(icd.versions().get(0).latest()).isTrue();
        assertThat(icd.versions().get(0).conceptCount()).isEqualTo(35_684 + 22 + 264);
    }

    @Test
    void resolvesACodeSystemByUrlOidAliasOidAndSlug() {
        assertThat(terminology.codeSystem(ICD, null).version().version()).isEqualTo("2022");
        assertThat(terminology.codeSystem("urn:oid:1.2.752.116.1.1.1", null).slug())
                .isEqualTo("icd-10-se");
        assertThat(terminology
                        .codeSystem("1.2.752.116.1.1.1.3.2", "2021")
                        .version()
                        .version())
                .isEqualTo("2021");
        assertThat(terminology.codeSystem("urn:oid:1.2.752.116.1.1.3.3.1", null).slug())
                .isEqualTo("icf");
        assertThat(terminology.codeSystem("1.2.752.116.3.1.3", null).slug()).isEqualTo("hosp-legitimationsyrken");
        assertThatThrownBy(() -> terminology.codeSystem("http://example.org/unknown", null))
                .isInstanceOf(CodeSystemNotFoundException.class);
        assertThatThrownBy(() -> terminology.codeSystem(ICD, "1999"))
                .isInstanceOf(CodeSystemNotFoundException.class)
                .hasMessageContaining("1999");
    }

    @Test
    void findsIcdCodesWithOrWithoutTheDot() {
        var concept = terminology.concept(ICD, null, "F32.1").orElseThrow();
        assertThat(concept.code()).isEqualTo("F321");
        assertThat(concept.display()).isEqualTo("Medelsvår depressiv episod");
        assertThat(concept.version()).isEqualTo("2022");
        assertThat(concept.parents()).extracting(ConceptSummary::code).containsExactly("F32");
        assertThat(terminology.concept(ICD, null, "F321")).isPresent();
        assertThat(terminology.concept(ICD, null, "F32.9X")).isEmpty();
        assertThat(terminology.concept(ICD, null, "F32").orElseThrow().children())
                .extracting(ConceptSummary::code)
                .contains("F320", "F321", "F329");
    }

    @Test
    void walksTheHierarchy() {
        assertThat(terminology.ancestors(ICD, null, "F321"))
                .extracting(ConceptSummary::code)
                .containsExactly("F32", "F30-F39", "05");
        assertThat(terminology.descendants(ICD, null, "F30-F39"))
                .extracting(ConceptSummary::code)
                .contains("F32", "F321", "F39")
                .doesNotContain("F40");
        assertThat(terminology.roots(ICD, null)).hasSize(22);
        assertThat(terminology.subsumes(ICD, null, "F32", "F32.1")).isEqualTo(Subsumption.SUBSUMES);
        assertThat(terminology.subsumes(ICD, null, "F321", "05")).isEqualTo(Subsumption.SUBSUMED_BY);
        assertThat(terminology.subsumes(ICD, null, "F321", "F321")).isEqualTo(Subsumption.EQUIVALENT);
        assertThat(terminology.subsumes(ICD, null, "F321", "E11")).isEqualTo(Subsumption.NOT_SUBSUMED);
        assertThatThrownBy(() -> terminology.subsumes(ICD, null, "F321", "QQQ"))
                .isInstanceOf(ConceptNotFoundException.class);
    }

    @Test
    void diffsTwoIcdReleases() {
        var diff = terminology.diff("icd-10-se", "2021", "2022");
        assertThat(diff.added()).hasSize(24);
        assertThat(diff.removed())
                .extracting(ConceptSummary::code)
                .containsExactlyInAnyOrder("I828A", "I828W", "O141A", "O141B", "O141X");
        assertThat(diff.renamed())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.fromDisplay()).isNotEqualTo(r.toDisplay()));
        var earlier = terminology.diff("icd-10-se", "2020", "2021");
        assertThat(earlier.added()).hasSize(67);
        assertThat(earlier.removed()).extracting(ConceptSummary::code).containsExactlyInAnyOrder("Z861A", "Z861W");
    }

    @Test
    void searchFindsWordPrefixesInAnyOrder() {
        var page = terminology.search(ICD, null, "diab typ 2", 0, 5);
        assertThat(page.hits().get(0).code()).isEqualTo("E11");
        assertThat(terminology
                        .search(ICD, null, "typ 2 diab", 0, 5)
                        .hits()
                        .get(0)
                        .code())
                .isEqualTo("E11");
        assertThat(terminology.search(ICD, null, "DIABETES", 0, 1).total())
                .isEqualTo(terminology.search(ICD, null, "diabetes", 0, 1).total());
    }

    @Test
    void searchReturnsTheTrueTotal() {
        var all = terminology.search(ICD, null, "diabetes", 0, 100_000);
        var page = terminology.search(ICD, null, "diabetes", 10, 5);
        assertThat(all.total()).isGreaterThan(100).isEqualTo(all.hits().size());
        assertThat(page.total()).isEqualTo(all.total());
        assertThat(page.hits()).hasSize(5).containsExactlyElementsOf(all.hits().subList(10, 15));
        assertThat(terminology.searchCodes(ICD, null, "diabetes")).hasSize(all.total());
    }

    @Test
    void searchPutsTheExactCodeFirstThenCodePrefixes() {
        var hits = terminology.search(ICD, null, "F32.1", 0, 3).hits();
        assertThat(hits.get(0).code()).isEqualTo("F321");
        var prefix = terminology.search(ICD, null, "f32", 0, 4).hits();
        assertThat(prefix).extracting(SearchHit::code).containsExactly("F32", "F320", "F321", "F322");
    }

    @Test
    void searchKeepsSwedishLettersDistinct() {
        assertThat(terminology.searchCodes(ICD, null, "örat")).contains("H60-H62", "H65-H75", "H80-H83");
        assertThat(terminology.searchCodes(ICD, null, "orat")).doesNotContain("H60-H62", "H65-H75", "H80-H83");
        assertThat(terminology.searchCodes(ICD, null, "ÖRAT")).contains("H60-H62");
    }

    @Test
    void searchMatchesWordsAfterParenthesesAndHyphensAndTheTailsOfCompounds() {
        assertThat(terminology.searchCodes(ICD, null, "rödsot")).contains("A03");
        assertThat(terminology.searchCodes(ICD, null, "virusenterit")).contains("A083B");
        assertThat(terminology.searchCodes(ICD, null, "infektion")).contains("A81", "A89");
        var ranked = terminology.searchCodes(ICD, null, "infektion");
        assertThat(ranked.indexOf("A89")).isGreaterThan(0);
    }

    @Test
    void searchFindsAlternativeTerms() {
        var hits = terminology.search("ksh97-p", null, "salmonellos", 0, 5).hits();
        assertThat(hits).extracting(SearchHit::code).contains("A02-P");
        assertThat(hits.stream()
                        .filter(h -> h.code().equals("A02-P"))
                        .findFirst()
                        .orElseThrow()
                        .matchedTerm())
                .isEqualTo("Salmonellos");
        var icfWithTerm = terminology.export("icf", null).stream()
                .filter(c -> !c.designations().isEmpty())
                .findFirst()
                .orElseThrow();
        assertThat(terminology.searchCodes(
                        "icf", null, icfWithTerm.designations().get(0).value()))
                .contains(icfWithTerm.code());
    }

    @Test
    void listsConceptsInPublishedOrderWithTheTotal() {
        var page = terminology.concepts(ICD, "2022", 0, 3);
        assertThat(page.total()).isEqualTo(35_684 + 22 + 264);
        assertThat(page.concepts()).extracting(ConceptSummary::code).containsExactly("01", "A00-A09", "A00");
        assertThat(terminology.search(ICD, null, null, 0, 2).total()).isEqualTo(page.total());
    }
}
