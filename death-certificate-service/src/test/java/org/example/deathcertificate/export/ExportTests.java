package org.example.deathcertificate.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.example.deathcertificate.coding.CodingTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class ExportTests extends CodingTestSupport {

    private ResponseEntity<byte[]> export(String query, String authorization) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, authorization);
        return http.exchange(API + "/export?" + query, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private void code(String id, Integer basedOn, String underlying, Map<String, List<String>> lines) {
        var list = new ArrayList<Map<String, Object>>();
        lines.forEach((line, codes) -> list.add(Map.of("line", line, "codes", codes)));
        var body = new java.util.HashMap<String, Object>(Map.of("lines", list, "underlyingCause", underlying));
        if (basedOn != null) {
            body.put("basedOnVersion", basedOn);
        }
        var answer = send(HttpMethod.POST, API + "/coding/certificates/" + id + "/versions", coder(), body);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    }

    private static Map<String, List<String>> natural(String c) {
        var lines = new java.util.LinkedHashMap<String, List<String>>();
        lines.put("A", List.of("I21.9"));
        lines.put("B", List.of("I25.1"));
        lines.put("C", List.of(c));
        lines.put("10.1", List.of("I10"));
        return lines;
    }

    @Test
    void exportsAYearOfFinalCodingsAsCsvWithCountChecksumAndTheSameBytesAgain() throws Exception {
        var natural = register(natural("export-a-" + newId(), LocalDate.of(2018, 3, 1), "Lund"));
        var fall = register(injury("export-b-" + newId(), LocalDate.of(2018, 11, 30)));
        var uncoded = register(natural("export-c-" + newId(), LocalDate.of(2018, 5, 5), "Lund"));
        code(natural, null, "E11.9", natural("E11.9"));
        code(fall, null, "W10.00", Map.of("A", List.of("S72.00"), "10.1", List.of("I10"), "12", List.of("W10.00")));

        var first = export("year=2018&format=csv", coder());
        var again = export("year=2018&format=csv", coder());

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(first.getHeaders().getContentDisposition().getFilename()).isEqualTo("dodsorsaker-2018.csv");
        var body = first.getBody();
        var sha256 = MessageDigest.getInstance("SHA-256").digest(body);
        assertThat(first.getHeaders().getFirst("X-Export-Count")).isEqualTo("2");
        assertThat(first.getHeaders().getFirst("X-Export-Sha256"))
                .isEqualTo(HexFormat.of().formatHex(sha256));
        assertThat(first.getHeaders().getFirst("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(sha256) + ":");
        assertThat(again.getBody()).isEqualTo(body);

        var rows = csv(body);
        assertThat(rows).hasSize(3);
        var header = rows.get(0);
        var byId = rows.subList(1, 3).stream().collect(java.util.stream.Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(byId).containsOnlyKeys(natural, fall).doesNotContainKey(uncoded);
        var row = byId.get(natural);
        assertThat(row.get(header.indexOf("underlying_cause"))).isEqualTo("E119");
        assertThat(row.get(header.indexOf("underlying_cause_who"))).isEqualTo("E11.9");
        assertThat(row.get(header.indexOf("line_a"))).isEqualTo("I219");
        assertThat(row.get(header.indexOf("line_a_who"))).isEqualTo("I21.9");
        assertThat(row.get(header.indexOf("contributing"))).isEqualTo("I10");
        assertThat(row.get(header.indexOf("coded_by"))).isEqualTo("coder-anna");
        assertThat(row.get(header.indexOf("personnummer"))).isEqualTo("192703104329");
        var injury = byId.get(fall);
        assertThat(injury.get(header.indexOf("injury_cause"))).isEqualTo("OLYCKSFALL");
        assertThat(injury.get(header.indexOf("injury_line_who"))).isEqualTo("W10.0");
        assertThat(injury.get(header.indexOf("line_a_who"))).isEqualTo("S72.0");
    }

    @Test
    void exportsTheLatestVersionAsJsonLinesAndTheSummaryMatches() throws Exception {
        var id = register(natural(newId(), LocalDate.of(2016, 2, 10), "Lund"));
        code(id, null, "E11.9", natural("E11.9"));
        code(id, 1, "E11.8", natural("E11.8"));

        var export = export("month=2016-02&format=jsonl", coder());
        var summary = send(HttpMethod.GET, API + "/export/summary?month=2016-02&format=jsonl", coder(), null)
                .getBody();

        var lines = new String(export.getBody(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        var record = new ObjectMapper().readTree(lines[0]);
        assertThat(record.get("certificateId").asText()).isEqualTo(id);
        assertThat(record.get("codingVersion").asInt()).isEqualTo(2);
        assertThat(record.get("underlyingCause").asText()).isEqualTo("E118");
        assertThat(record.at("/lines/2/who/0").asText()).isEqualTo("E11.8");
        assertThat(summary.get("count").asLong()).isEqualTo(1);
        assertThat(summary.get("sha256").asText()).isEqualTo(export.getHeaders().getFirst("X-Export-Sha256"));
        assertThat(summary.get("bytes").asLong()).isEqualTo(export.getBody().length);
    }

    @Test
    void refusesAPeriodThatIsNotOneYearOrOneMonth() {
        var both = send(HttpMethod.GET, API + "/export?year=2018&month=2018-02", coder(), null);
        var format = send(HttpMethod.GET, API + "/export?year=2018&format=xml", coder(), null);

        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(both.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void needsTheCodingScope() {
        assertThat(export("year=2018", reader()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static List<List<String>> csv(byte[] body) throws Exception {
        var mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                mapper.readerForListOf(String.class).readValues(body)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
