package org.example.codeserver.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.example.platform.security.TestTokens;
import org.hl7.fhir.validation.special.TxTester;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs the HL7 FHIR terminology ecosystem test suite (TxTester, the runner of the HL7 validator) against this server,
 * writes the pass counts per suite and every failure to target/tx-ecosystem/tx-ecosystem.md (docs/tx-ecosystem.md is
 * that file, copied by the command the page names) and fails when any suite passes fewer tests than its recorded
 * baseline (src/test/resources/tx-ecosystem/baseline.json).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class TxEcosystemConformanceTests {

    /** The suites for a general terminology server; SNOMED, LOINC, OMOP, UCUM and tx.fhir.org-only suites are not run. */
    private static final Set<String> MODES = Set.of("general");

    @LocalServerPort
    int port;

    @Test
    void passesAtLeastTheRecordedBaselineOfEverySuite() throws Exception {
        var tests = new ClassPathResource("tx-ecosystem/tests").getFile();
        var output = Path.of("target", "tx-ecosystem").toAbsolutePath();
        Files.createDirectories(output);
        var tester = new TxTester(
                new TxTester.InternalTxLoader(tests.getAbsolutePath(), false),
                "http://localhost:" + port + "/fhir",
                false,
                null);
        tester.setOutput(output.toString());
        var filter = System.getProperty("tx.filter");
        tester.execute(new java.util.HashSet<>(MODES), filter);
        if (filter != null) {
            return; // a developer's partial run: no report, no baseline
        }

        var results = passesPerSuite(output.resolve("test-results.json"));
        writeReport(results);
        var baseline = baseline();
        assertThat(results).as("suites run").isNotEmpty();
        for (var suite : baseline.entrySet()) {
            var counts = results.get(suite.getKey());
            assertThat(counts).as("suite %s was run", suite.getKey()).isNotNull();
            assertThat(counts[1])
                    .as("tests passed in suite %s (baseline %d)", suite.getKey(), suite.getValue())
                    .isGreaterThanOrEqualTo(suite.getValue());
        }
    }

    /** Suite name → {tests run, tests passed}. */
    private static Map<String, int[]> passesPerSuite(Path resultsFile) throws IOException {
        var root = new ObjectMapper().readTree(resultsFile.toFile());
        var result = new LinkedHashMap<String, int[]>();
        for (var suite : root.path("suites")) {
            var counts = new int[2];
            for (var test : suite.path("tests")) {
                var status = test.path("status").asText();
                if ("pass".equals(status) || "fail".equals(status)) {
                    counts[0]++;
                    if ("pass".equals(status)) {
                        counts[1]++;
                    }
                }
            }
            result.put(suite.path("name").asText(), counts);
        }
        return result;
    }

    /** One table row per failing test: suite, test, the runner's message (its first line, shortened). */
    private static java.util.List<String> failures(Path resultsFile) throws IOException {
        var root = new ObjectMapper().readTree(resultsFile.toFile());
        var rows = new java.util.ArrayList<String>();
        for (var suite : root.path("suites")) {
            for (var test : suite.path("tests")) {
                if ("fail".equals(test.path("status").asText())) {
                    var message = test.path("message")
                            .asText("")
                            .lines()
                            .findFirst()
                            .orElse("")
                            .replace("|", "\\|");
                    if (message.length() > 160) {
                        message = message.substring(0, 160) + "…";
                    }
                    rows.add("| " + suite.path("name").asText() + " | "
                            + test.path("name").asText() + " | " + message + " |");
                }
            }
        }
        return rows;
    }

    private static Map<String, Integer> baseline() throws IOException {
        var node = (ObjectNode)
                new ObjectMapper().readTree(new ClassPathResource("tx-ecosystem/baseline.json").getInputStream());
        var result = new LinkedHashMap<String, Integer>();
        node.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asInt()));
        return result;
    }

    private static void writeReport(Map<String, int[]> results) throws IOException {
        var table = new StringBuilder();
        table.append("# HL7 FHIR terminology ecosystem tests: results\n\n")
                .append(
                        "Generated by `TxEcosystemConformanceTests` (codeserver-service) on every `./mvnw verify`: the HL7 runner ")
                .append(
                        "`TxTester` (org.hl7.fhir.validation 6.7.9) against the server's `/fhir` endpoint, tests v1.9.3, mode `general`. ")
                .append(
                        "The build fails when a suite passes fewer tests than `codeserver-service/src/test/resources/tx-ecosystem/baseline.json`. ")
                .append(
                        "The test writes this page to `codeserver-service/target/tx-ecosystem/tx-ecosystem.md`; to refresh it here:\n\n")
                .append(
                        "```\n./mvnw -pl codeserver-service -am verify -Dtest=TxEcosystemConformanceTests -Dsurefire.failIfNoSpecifiedTests=false\n")
                .append("cp codeserver-service/target/tx-ecosystem/tx-ecosystem.md docs/tx-ecosystem.md\n```\n\n")
                .append("| suite | tests | passed |\n|---|---:|---:|\n");
        int total = 0;
        int passed = 0;
        for (var e : results.entrySet()) {
            table.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(e.getValue()[0])
                    .append(" | ")
                    .append(e.getValue()[1])
                    .append(" |\n");
            total += e.getValue()[0];
            passed += e.getValue()[1];
        }
        table.append("| **all** | **")
                .append(total)
                .append("** | **")
                .append(passed)
                .append("** |\n");
        table.append("\n")
                .append(new String(
                        new ClassPathResource("tx-ecosystem/known-gaps.md")
                                .getInputStream()
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
        table.append(
                "\n## Every failing test, with the runner's first difference\n\n| suite | test | difference |\n|---|---|---|\n");
        for (var failure : failures(Path.of("target", "tx-ecosystem", "test-results.json"))) {
            table.append(failure).append("\n");
        }
        Files.writeString(Path.of("target", "tx-ecosystem", "tx-ecosystem.md"), table);
    }
}
