package org.example.codeserver.importing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.example.codeserver.codesystem.InvalidCodeSystemException;
import org.example.codeserver.codesystem.NewCodeSystem;
import org.example.codeserver.codesystem.NewConcept;
import org.junit.jupiter.api.Test;

class Icd10SeImporterTests {

    private final Icd10SeImporter importer = new Icd10SeImporter();

    @Test
    void readsEveryCodeOfTheThreeReleases() {
        assertThat(kinds(parse("2020")))
                .containsEntry("category", 2051L)
                .containsEntry("chapter", 22L)
                .containsEntry("block", 264L);
        assertThat(codes(parse("2020"))).isEqualTo(35_600);
        assertThat(codes(parse("2021"))).isEqualTo(35_665);
        assertThat(codes(parse("2022"))).isEqualTo(35_684);
    }

    @Test
    void buildsTheHierarchyFromChapterToFiveCharacterCode() {
        var concepts = byCode(parse("2022"));
        assertThat(concepts.get("F321").parents()).containsExactly("F32");
        assertThat(concepts.get("F32").parents()).containsExactly("F30-F39");
        assertThat(concepts.get("F30-F39").parents()).containsExactly("05");
        assertThat(concepts.get("05").parents()).isEmpty();
        assertThat(concepts.get("A083A").parents()).containsExactly("A083");
        assertThat(concepts.get("W0000").parents()).containsExactly("W00");
        assertThat(concepts.get("U071").parents()).containsExactly("U07");
    }

    @Test
    void keepsDaggerAndAsteriskMarkersAsProperties() {
        var concepts = byCode(parse("2022"));
        var daggers = concepts.values().stream()
                .filter(c -> c.properties().stream()
                        .anyMatch(p -> p.code().equals("marker") && p.value().equals("†")))
                .count();
        var asterisks = concepts.values().stream()
                .filter(c -> c.properties().stream()
                        .anyMatch(p -> p.code().equals("marker") && p.value().equals("*")))
                .count();
        assertThat(daggers).isPositive();
        assertThat(asterisks).isPositive();
        assertThat(concepts.get("F321").display()).isEqualTo("Medelsvår depressiv episod");
    }

    @Test
    void namesTheLineOfABrokenRow() {
        var files = new SourceFiles(Map.of(
                "digit3.txt",
                "\uFEFFA00\t\tKolera\nA01 Tyfoidfeber\n".getBytes(UTF_8),
                "digit4.txt",
                "A000\t\tKolera orsakad av Vibrio cholerae\n".getBytes(UTF_8),
                "digit5.txt",
                new byte[0]));
        assertThatThrownBy(() -> importer.parse(files, metadata("2099")))
                .isInstanceOf(InvalidCodeSystemException.class)
                .hasMessageContaining("Line 2")
                .hasMessageContaining("digit3.txt");
    }

    @Test
    void refusesACodeWithoutItsCategory() {
        var files = new SourceFiles(Map.of(
                "digit3.txt",
                "A00\t\tKolera\n".getBytes(UTF_8),
                "digit4.txt",
                "A000\t\tKolera A\nB991\t\tOkänd\n".getBytes(UTF_8),
                "digit5.txt",
                new byte[0]));
        assertThatThrownBy(() -> importer.parse(files, metadata("2099")))
                .isInstanceOf(InvalidCodeSystemException.class)
                .hasMessageContaining("B991");
    }

    private static ImportMetadata metadata(String version) {
        return new ImportMetadata(null, null, List.of(), null, null, null, null, version, null, null);
    }

    private NewCodeSystem parse(String version) {
        return BundledFiles.parse(importer, "icd-10-se", version);
    }

    private static long codes(NewCodeSystem system) {
        return system.concepts().stream()
                .filter(c -> c.code().matches("[A-Z][0-9]{2}[0-9A-Z]{0,2}"))
                .count();
    }

    private static Map<String, Long> kinds(NewCodeSystem system) {
        return system.concepts().stream()
                .collect(Collectors.groupingBy(
                        c -> c.properties().stream()
                                .filter(p -> p.code().equals("kind"))
                                .findFirst()
                                .orElseThrow()
                                .value(),
                        Collectors.counting()));
    }

    static Map<String, NewConcept> byCode(NewCodeSystem system) {
        return system.concepts().stream().collect(Collectors.toMap(NewConcept::code, c -> c));
    }
}
