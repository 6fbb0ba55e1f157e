package org.example.codeserver.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KvaImporterTests {

    @Test
    void readsSurgicalAndMedicalProceduresWithTheirGroups() {
        var kva = BundledFiles.parse(new KvaImporter(), "kva", "2021");
        var concepts = Icd10SeImporterTests.byCode(kva);
        long procedures = kva.concepts().stream()
                .filter(c -> !c.code().startsWith("KKÅ-") && !c.code().startsWith("KMÅ-"))
                .count();
        assertThat(procedures).isEqualTo(6_627 + 4_505);
        assertThat(kva.concepts()).hasSize(20 + 191 + 1_292 + 6_627 + 9 + 121 + 31 + 4_505);
        assertThat(concepts.get("AAA00").display()).isEqualTo("Explorativ kraniotomi");
        assertThat(concepts.get("AAA00").parents()).containsExactly("KKÅ-AAA");
        assertThat(concepts.get("KKÅ-AAA").parents()).containsExactly("KKÅ-AA");
        assertThat(concepts.get("KKÅ-AA").parents()).containsExactly("KKÅ-A");
        assertThat(concepts.get("AA001").parents()).containsExactly("KMÅ-AA");
        assertThat(concepts.get("AA001").definition()).startsWith("Test för att pröva om adenosin");
        assertThat(concepts.get("KKÅ-YC").display()).isEqualTo("YC");
    }
}
