package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.example.codeserver.codesystem.ConceptProperty;
import org.example.codeserver.codesystem.Designation;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.junit.jupiter.api.Test;

class CodeListImporterTests {

    @Test
    void readsTheHospProfessionsAndRestrictions() {
        var professions = BundledFiles.parse(new CodeListCsvImporter(), "hosp-legitimationsyrken", "1");
        assertThat(professions.concepts()).hasSize(23);
        assertThat(professions.oid()).isEqualTo("1.2.752.116.3.1.3");
        var byCode = Icd10SeImporterTests.byCode(professions);
        assertThat(byCode.get("LK").display()).isEqualTo("Läkare");
        assertThat(byCode.get("FT").properties())
                .extracting(ConceptProperty::value)
                .containsExactly("ersätter SG; HoSp-TKB har fältet beslutsdatumFysioterapeut (övergång SG->FT)");

        var restrictions = BundledFiles.parse(new CodeListCsvImporter(), "hosp-behorighetsbegransning", "1");
        assertThat(restrictions.concepts()).hasSize(3);
        assertThat(Icd10SeImporterTests.byCode(restrictions).get("002").designations())
                .extracting(Designation::value)
                .containsExactly("Treårig prövotid");
    }

    @Test
    void readsHsaBefattning() {
        var befattning = BundledFiles.parse(new HsaBefattningImporter(), "hsa-befattning", "1");
        assertThat(befattning.concepts()).hasSize(210);
        assertThat(befattning.concepts().get(0).code()).isEqualTo("101010");
        assertThat(befattning.concepts().get(0).definition()).startsWith("Leder och samordnar");
    }

    @Test
    void refusesARowWithoutDisplay() {
        var files = new SourceFiles(Map.of("list.csv", "kod,namn\nA,Alfa\nB,\n".getBytes(UTF_8)));
        var metadata = new ImportMetadata(
                "http://example.org/list", null, List.of(), null, "List", null, null, "1", null, null);
        assertThatThrownBy(() -> new CodeListCsvImporter().parse(files, metadata))
                .isInstanceOf(InvalidCodeSystemException.class)
                .hasMessageStartingWith("Line 3:");
    }
}
