package org.example.suitetests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzzes the packaged suite from outside, through the gateway with real tokens from its {@code /oauth2/token} and
 * directly at each service: every operation of the four services' OpenAPI documents, the FHIR terminology API (from
 * its CapabilityStatement) and the RIVTA SOAP endpoints, each with generated hostile requests (fixed seed, bounded
 * per operation; one in seven also without its token). No answer may be a 5xx, carry a stack trace or SQL, or echo
 * the personnummer it was sent, and no service may write that personnummer to its log. The counts and every finding
 * (with the exact request and answer) are printed and written to {@code target/fuzz-report.txt}.
 */
class SuiteFuzzTests {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_206L);
    static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 40);
    /** Every this many requests that carry a token, the same request is also sent without one. */
    static final int ANONYMOUS_EVERY = 7;

    static final Path REPORT = Path.of("target/fuzz-report.txt");

    /** Demo clients (README), tried in this order until one is let in; anonymous first. */
    static final List<String> CLIENTS = List.of(
            "ehr-system",
            "webcert",
            "region-skane",
            "ivo",
            "hosp-registrar",
            "cause-of-death-coder",
            "fmb-editor",
            "fmb-reviewer",
            "terminology-admin");

    static RunningSuite suite;
    static final Map<String, String> bearer = new LinkedHashMap<>();

    record Service(String name, int portOffset, String apiDocs, String module) {}

    static final Map<String, Service> SERVICES = Map.of(
            "fmb", new Service("fmb", 1, "/fmb/v3/api-docs", "fmb-service"),
            "codeserver", new Service("codeserver", 2, "/codes/v3/api-docs", "codeserver-service"),
            "hosp", new Service("hosp", 3, "/hosp/v3/api-docs", "hosp-service"),
            "death-certificates",
                    new Service(
                            "death-certificates", 4, "/death-certificates/v3/api-docs", "death-certificate-service"));

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = new RunningSuite().start();
        for (var client : CLIENTS) {
            bearer.put(client, "Bearer " + suite.token(client));
        }
        Files.deleteIfExists(REPORT);
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        if (suite != null) {
            suite.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hosp", "fmb", "codeserver", "death-certificates"})
    void answersEveryGeneratedRequestWithoutA5xxAStackTraceSqlOrAnEchoedPersonnummer(String name) throws Exception {
        var service = SERVICES.get(name);
        var requests = new ArrayList<FuzzRequest>();
        var document = new OpenApiFuzzer(
                suite.getJson(suite.baseUrl(service.portOffset()) + service.apiDocs(), "application/json"));
        var operations = document.operations();
        for (var operation : operations) {
            requests.addAll(document.requests(operation, SEED, PER_OPERATION));
        }
        if (name.equals("codeserver")) {
            requests.addAll(new FhirFuzzer(suite.getJson(
                            suite.baseUrl(service.portOffset()) + "/fhir/metadata", "application/fhir+json"))
                    .requests(SEED, PER_OPERATION));
        }
        if (name.equals("death-certificates")) {
            requests.addAll(new SoapFuzzer().requests(SEED, 3 * PER_OPERATION));
        }
        assertThat(operations).as("operations in %s", service.apiDocs()).isNotEmpty();

        var findings = new ArrayList<Finding>();
        var tried = new LinkedHashMap<String, Integer>();
        for (var route : List.of("gateway", "direct")) {
            var wire = new HttpWire(suite.portBase + (route.equals("gateway") ? 0 : service.portOffset()));
            var authorizations = new LinkedHashMap<String, String>();
            var count = new int[1];
            for (var request : requests) {
                var authorization = authorizations.get(request.operation());
                if (!authorizations.containsKey(request.operation())) {
                    authorization = letIn(wire, request, findings, route, count);
                    authorizations.put(request.operation(), authorization);
                }
                var answer = wire.send(request, authorization, "fuzz-" + name + "-" + route + "-" + count[0]);
                count[0]++;
                var problems = answer.problems(request.pathAndQuery().startsWith("/services/"));
                if (!problems.isEmpty()) {
                    findings.add(new Finding(route, request, authorization, answer, problems));
                }
                if (authorization != null && count[0] % ANONYMOUS_EVERY == 0) {
                    var anonymous = wire.send(request, null, "fuzz-" + name + "-" + route + "-" + count[0]);
                    count[0]++;
                    var refusal = anonymous.problems(request.pathAndQuery().startsWith("/services/"));
                    if (!refusal.isEmpty()) {
                        findings.add(new Finding(route, request, null, anonymous, refusal));
                    }
                }
            }
            tried.put(route, count[0]);
        }
        var logged = new ArrayList<String>();
        if (suite.logs().isPresent()) {
            logged.addAll(personnummerIn(suite.logs().get().resolve(service.module() + ".log"), ""));
            logged.addAll(personnummerIn(suite.logs().get().resolve("gateway.log"), "[fuzz-" + name + "-"));
        }
        var summary = String.format(
                "%s: %d operations (OpenAPI%s), %d requests through the gateway, %d directly,"
                        + " %d findings, %d log lines with the personnummer (seed %d, up to %d per operation)%n",
                name,
                operations.size(),
                name.equals("codeserver") ? " + FHIR" : name.equals("death-certificates") ? " + SOAP" : "",
                tried.get("gateway"),
                tried.get("direct"),
                findings.size(),
                logged.size(),
                SEED,
                PER_OPERATION);
        System.out.print(summary);
        var direct = findings.stream()
                .filter(finding -> finding.route().equals("direct"))
                .map(Finding::request)
                .map(Finding::key)
                .collect(Collectors.toSet());
        var report = new StringBuilder(summary);
        findings.forEach(finding -> report.append(finding.describe(
                finding.route().equals("gateway") && !direct.contains(Finding.key(finding.request())))));
        logged.forEach(line ->
                report.append("- [log] personnummer logged: ").append(line).append('\n'));
        Files.writeString(REPORT, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(findings)
                .as("findings in %s (all of them in %s)", name, REPORT.toAbsolutePath())
                .isEmpty();
        assertThat(logged)
                .as("log lines of %s with the personnummer it was sent", name)
                .isEmpty();
    }

    /** The lines of a log (those with the marker, when given) that hold the generated personnummer, shortened. */
    private static List<String> personnummerIn(Path log, String marker) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(marker))
                    .filter(line -> FuzzValues.PERSONNUMMER_FORMS.stream().anyMatch(line::contains))
                    .map(line -> FuzzAnswer.visible(line.length() > 400 ? line.substring(0, 400) + "…" : line))
                    .toList();
        }
    }

    /**
     * The authorization under which an operation is fuzzed: none if it is open, else the first demo client whose
     * token the plausible request does not refuse (401/403), else the last client tried. The probes are checked too.
     */
    private static String letIn(
            HttpWire wire, FuzzRequest plausible, List<Finding> findings, String route, int[] count) {
        var candidates = new ArrayList<String>();
        candidates.add(null);
        candidates.addAll(bearer.values());
        String chosen = null;
        for (var authorization : candidates) {
            var answer = wire.send(plausible, authorization, "fuzz-probe");
            count[0]++;
            var problems = answer.problems(plausible.pathAndQuery().startsWith("/services/"));
            if (!problems.isEmpty()) {
                findings.add(new Finding(route, plausible, authorization, answer, problems));
            }
            chosen = authorization;
            if (!Set.of(401, 403).contains(answer.status())) {
                return authorization;
            }
        }
        return chosen;
    }

    /** What was wrong with one answer, and the request that got it. */
    record Finding(String route, FuzzRequest request, String authorization, FuzzAnswer answer, List<String> problems) {

        /** The same request on either route (anonymous or not). */
        static String key(FuzzRequest request) {
            return request.method() + " " + request.pathAndQuery() + " " + request.contentType() + " "
                    + Arrays.hashCode(request.body());
        }

        /** For the report; a gateway finding that the service called directly did not show is marked so. */
        String describe(boolean onlyThroughTheGateway) {
            var client = authorization == null
                    ? "no token"
                    : bearer.entrySet().stream()
                            .filter(entry -> entry.getValue().equals(authorization))
                            .map(Map.Entry::getKey)
                            .findFirst()
                            .orElse("?");
            return String.format(
                    "- [%s] %s — %s%n    %s %s (token: %s, content type: %s)%n    body: %s%n"
                            + "    answer: %d %s%n    %s%n",
                    onlyThroughTheGateway ? "gateway only" : route,
                    request.operation(),
                    String.join("; ", problems),
                    request.method(),
                    shortPath(request.pathAndQuery()),
                    client,
                    request.contentType(),
                    request.bodyExcerpt(),
                    answer.status(),
                    answer.contentType(),
                    answer.excerpt());
        }
    }

    private static String shortPath(String path) {
        return path.length() > 300 ? path.substring(0, 300) + "… (" + path.length() + " chars)" : path;
    }
}
