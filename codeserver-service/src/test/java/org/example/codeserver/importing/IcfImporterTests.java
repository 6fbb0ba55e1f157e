package org.example.codeserver.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.codeserver.codesystem.Designation;
import org.junit.jupiter.api.Test;

class IcfImporterTests {

    @Test
    void readsTheExcelCodeListWithBlocksAndAlternativeTerms() {
        var icf = BundledFiles.parse(new IcfImporter(), "icf", "2018.2");
        var concepts = Icd10SeImporterTests.byCode(icf);
        assertThat(icf.concepts()).hasSize(1_621);
        assertThat(concepts.get("b").parents()).isEmpty();
        assertThat(concepts.get("b1").parents()).containsExactly("b");
        assertThat(concepts.get("b110-b139").parents()).containsExactly("b1");
        assertThat(concepts.get("b110").parents()).containsExactly("b110-b139");
        assertThat(concepts.get("b1100").parents()).containsExactly("b110");
        assertThat(concepts.get("b110").display()).isEqualTo("Medvetandefunktioner");
        assertThat(concepts.get("b110").designations())
                .extracting(Designation::value)
                .contains("Medvetande");
        assertThat(concepts.get("d470").display()).isEqualTo("Att använda transportmedel");
        assertThat(icf.aliasOids()).contains("1.2.752.116.1.1.3.3.1");
    }
}
