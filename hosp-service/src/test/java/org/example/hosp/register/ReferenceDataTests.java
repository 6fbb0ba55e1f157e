package org.example.hosp.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.example.hosp.access.RegisterItem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The codes the service embeds agree with the copied reference lists (src/test/resources/reference). */
class ReferenceDataTests {

    @Test
    void knowsExactlyTheProfessionsOfTheReferenceListWithTheirNames() throws IOException {
        var reference = new LinkedHashMap<String, String>();
        rows("hosp-legitimationsyrken.csv").forEach(row -> reference.put(row.get(0), row.get(1)));
        var code = Arrays.stream(Profession.values()).collect(Collectors.toMap(Profession::code, Profession::title));
        assertThat(code).containsExactlyInAnyOrderEntriesOf(reference);
        assertThat(reference).hasSize(23);
    }

    @Test
    void givesSpecialistCertificatesOnlyToDoctorsAndDentists() {
        assertThat(Arrays.stream(Profession.values()).filter(Profession::hasSpecialistCertificates))
                .containsExactlyInAnyOrder(Profession.LK, Profession.TL);
    }

    @Test
    void knowsTheRestrictionCodesOfTheReferenceList() throws IOException {
        var reference = rows("hosp-behorighetsbegransning.csv").stream()
                .collect(Collectors.toMap(row -> row.get(0), row -> row.get(1)));
        var code = Arrays.stream(RestrictionCode.values())
                .collect(Collectors.toMap(RestrictionCode::code, RestrictionCode::title));
        assertThat(code).containsExactlyInAnyOrderEntriesOf(reference);
    }

    @Test
    void hasNineRegisterItemsNumberedAsIn6Paragraph() throws IOException {
        var numbers = rows("hosp-6par-direktatkomst.csv").stream()
                .map(row -> Integer.parseInt(row.get(0)))
                .toList();
        assertThat(Arrays.stream(RegisterItem.values()).map(RegisterItem::number))
                .containsExactlyElementsOf(numbers);
    }

    private static List<List<String>> rows(String file) throws IOException {
        var text = new ClassPathResource("reference/" + file).getContentAsString(StandardCharsets.UTF_8);
        return text.lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(ReferenceDataTests::fields)
                .toList();
    }

    /** CSV fields with double-quoted values that may hold commas. */
    private static List<String> fields(String line) {
        var fields = new java.util.ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
