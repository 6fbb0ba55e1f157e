package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.example.codeserver.codesystem.Designation;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.junit.jupiter.api.Test;

class Ksh97pImporterTests {

    private final Ksh97pImporter importer = new Ksh97pImporter();

    @Test
    void readsTheCodesAndTheSfamAlternativeTerms() {
        var ksh = BundledFiles.parse(importer, "ksh97-p", "1997");
        assertThat(ksh.concepts()).hasSize(977);
        assertThat(ksh.concepts().stream()
                        .mapToInt(c -> c.designations().size())
                        .sum())
                .isEqualTo(2_544);
        var concepts = Icd10SeImporterTests.byCode(ksh);
        assertThat(concepts.get("A02-P").display()).isEqualTo("Salmonellainfektioner");
        assertThat(concepts.get("A02-P").designations())
                .extracting(Designation::value)
                .containsExactly("Salmonellainfektion", "Salmonellaenterit", "Salmonellos");
        assertThat(concepts.get("A03-").designations())
                .extracting(Designation::value)
                .contains("Rödsot");
        assertThat(concepts.get("C44-").display()).isEqualTo("Annan malign tumör i huden");
    }

    @Test
    void refusesAnAlternativeTermForAnUnknownCode() {
        var files = new SourceFiles(Map.of(
                "ksh97p_kod.ans",
                "A00-   Kolera \n".getBytes(ISO_8859_1),
                "ksh97p_sfamalt.ans",
                "A00-   Kolera\nX99-   Okänd\n".getBytes(ISO_8859_1)));
        assertThatThrownBy(() -> importer.parse(files, ImportMetadata.none()))
                .isInstanceOf(InvalidCodeSystemException.class)
                .hasMessageStartingWith("Line 2:")
                .hasMessageContaining("X99-");
    }
}
