package org.example.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Starts the suite the way README.md does ({@code java -jar launcher/target/launcher.jar} after the
 * build), on ports of its own, and checks it from outside: the gateway's health, routes through it, and
 * a token from the gateway accepted by a service called directly; last, a small fault run (FaultRun): a service
 * killed with kill -9 under load is started again and nothing is lost. Runs in {@code verify}, after every module is
 * packaged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteTests {

    static final int PORT_BASE = 18180;
    static final int DB_PORT = 15532;
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path DATA = ROOT.resolve("launcher/target/suite-test-data");
    static final ObjectMapper JSON = new ObjectMapper();
    static Process suite;
    static final StringBuffer output = new StringBuffer();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheSuite() throws Exception {
        var root = ROOT;
        var data = DATA;
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(java.io.File::delete);
            }
        }
        var builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        root.resolve("launcher/target/launcher.jar").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SUITE_PORT_BASE", Integer.toString(PORT_BASE));
        builder.environment().put("SUITE_DB_PORT", Integer.toString(DB_PORT));
        builder.environment().put("SUITE_DATA_DIR", data.toString());
        builder.environment().put("HOSP_SYNTHETIC_PERSONS", "2000");
        suite = builder.start();
        var ready = new CompletableFuture<Boolean>();
        var reader = new Thread(
                () -> {
                    try (var lines =
                            new BufferedReader(new InputStreamReader(suite.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            output.append(line).append('\n');
                            if (line.contains("The suite is ready")) {
                                ready.complete(true);
                            }
                        }
                        ready.complete(false);
                    } catch (Exception e) {
                        ready.complete(false);
                    }
                },
                "suite-output");
        reader.setDaemon(true);
        reader.start();
        assertThat(ready.get(15, TimeUnit.MINUTES))
                .as(() -> "suite output:\n" + output)
                .isTrue();
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        if (suite != null && suite.isAlive()) {
            suite.destroy();
            // the launcher gives its services 120 s to stop, then writes their class archives (each test run starts
            // from an empty data folder, so every stop writes them): a hang still fails, a loaded machine does not
            assertThat(suite.waitFor(300, TimeUnit.SECONDS))
                    .as("the suite stops on SIGTERM")
                    .isTrue();
        }
    }

    @Test
    void gatewayIsHealthyAndPrintsWhereToGo() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(output.toString()).contains("Swagger UI", "http://localhost:" + PORT_BASE);
    }

    @Test
    void routesOpenDataThroughTheGateway() throws Exception {
        var codes = get("/codes/v3/api-docs", null);
        assertThat(codes.statusCode()).isEqualTo(200);
        assertThat(codes.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(get("/fmb/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAProtectedRouteWithoutAToken() throws Exception {
        assertThat(get("/hosp/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/death-certificates/api/v1/certificates", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenFromTheGatewayIsAcceptedByAServiceCalledDirectly() throws Exception {
        var token = token("cause-of-death-coder");
        var direct = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + (PORT_BASE + 4) + "/death-certificates/api/v1/certificates"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        var forged = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + (PORT_BASE + 4) + "/death-certificates/api/v1/certificates"))
                        .header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void anEditorLogsInToTheFmbEditorPagesThroughTheGatewaysLogin() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var loginPage = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT_BASE + "/fmb/editor"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.uri().getPath()).isEqualTo("/login");
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(csrf.find()).as(loginPage.body()).isTrue();
        var editorPage = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT_BASE + "/login"))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=editor-password&_csrf="
                                + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(editorPage.statusCode()).as(editorPage.body()).isEqualTo(200);
        assertThat(editorPage.uri().getPath()).isEqualTo("/fmb/editor");
        assertThat(editorPage.uri().getPort())
                .as("every redirect of the login stays on the gateway, never on the service's own address")
                .isEqualTo(PORT_BASE);
        assertThat(editorPage.body()).contains("diagnosis-508", "Depressiv episod");
    }

    @Test
    void theCodeBrowserLinksACodeToFmbsPageOnlyWhereFmbHasARecommendationForIt() throws Exception {
        var recommendation = get("/fmb/api/v1/diagnoses/by-code/F321", null);
        assertThat(recommendation.statusCode()).as(recommendation.body()).isEqualTo(200);
        var fmbPage = "/fmb/diagnoser/"
                + JSON.readTree(recommendation.body()).path("id").asLong();
        assertThat(get("/fmb/api/v1/diagnoses/by-code/A000", null).statusCode())
                .as("FMB has no recommendation for cholera")
                .isEqualTo(404);

        // the code server reads FMB's list on a timer (every 15 s) after FMB's start
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        var concept = get("/codes/icd-10-se/F321", null);
        while (!concept.body().contains("href=\"" + fmbPage + "\"") && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            concept = get("/codes/icd-10-se/F321", null);
        }
        assertThat(concept.statusCode()).isEqualTo(200);
        assertThat(concept.body()).contains("id=\"fmb\" href=\"" + fmbPage + "\"");
        assertThat(get(fmbPage, null).statusCode())
                .as("the link leads to FMB's page")
                .isEqualTo(200);
        var cholera = get("/codes/icd-10-se/A000", null);
        assertThat(cholera.statusCode()).isEqualTo(200);
        assertThat(cholera.body()).doesNotContain("id=\"fmb\"");
    }

    @Test
    @Order(Integer.MAX_VALUE) // it kills a service: after every other test
    void aServiceKilledUnderLoadIsStartedAgainAndNothingIsLost() throws Exception {
        var report = new FaultRun(new FaultRun.Settings(
                        PORT_BASE,
                        DB_PORT,
                        DATA,
                        ROOT.resolve("bench/death-certificates/register-certificate.template.xml"),
                        2,
                        2,
                        java.util.List.of("death-certificate-service"),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofMinutes(15)))
                .run();
        System.out.println(report.text());

        assertThat(output.toString())
                .contains(
                        "death-certificate-service stopped (exit code 137)",
                        "Restarting death-certificate-service",
                        "The suite is ready again");
        assertThat(report.recoverySeconds()).containsKey("death-certificate-service");
        assertThat(report.ok()).isPositive();
        assertThat(report.hospWithData()).isPositive();
        assertThat(report.refusals())
                .as("the clients were told while the service was down")
                .isNotEmpty();
        assertThat(report.problems()).as(report.text()).isEmpty();
        assertThat(report.unexpectedAnswers())
                .as("while the service was down the gateway said 503 or a SOAP fault, " + "which the platform retries")
                .isEmpty();
    }

    private String token(String client) throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + PORT_BASE + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT_BASE + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
