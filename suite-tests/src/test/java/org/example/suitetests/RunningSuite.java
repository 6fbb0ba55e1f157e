package org.example.suitetests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged suite, started the way README.md starts it ({@code java -jar launcher/target/launcher.jar} after the
 * build) on ports of its own, as launcher's SuiteTests does. Ports: system properties {@code suite.portBase} and
 * {@code suite.dbPort} (defaults 18280 and 15632, apart from SuiteTests' so both can run on one machine). With
 * {@code -Dsuite.running=true} it uses a suite already running on {@code suite.portBase} instead of starting one.
 */
final class RunningSuite implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final int portBase = Integer.getInteger("suite.portBase", 18280);
    private final int dbPort = Integer.getInteger("suite.dbPort", 15632);
    private final StringBuffer output = new StringBuffer();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Path logs;

    RunningSuite start() throws Exception {
        if (Boolean.getBoolean("suite.running")) {
            return this;
        }
        var root = Path.of("..").toAbsolutePath().normalize();
        var data = root.resolve("suite-tests/target/suite-data");
        logs = data.resolve("logs");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            }
        }
        var builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-jar",
                        root.resolve("launcher/target/launcher.jar").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SUITE_PORT_BASE", Integer.toString(portBase));
        builder.environment().put("SUITE_DB_PORT", Integer.toString(dbPort));
        builder.environment().put("SUITE_DATA_DIR", data.toString());
        builder.environment().put("HOSP_SYNTHETIC_PERSONS", "2000");
        process = builder.start();
        var ready = new CompletableFuture<Boolean>();
        var reader = new Thread(
                () -> {
                    try (var lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            output.append(line).append('\n');
                            if (line.contains("The suite is ready")) {
                                ready.complete(true);
                            }
                        }
                        ready.complete(false);
                    } catch (IOException e) {
                        ready.complete(false);
                    }
                },
                "suite-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.get(15, TimeUnit.MINUTES)) {
            close();
            throw new IllegalStateException("The suite did not start; its output:\n" + output);
        }
        return this;
    }

    /** The folder of the services' logs ({@code <module>.log}); empty for a suite this class did not start. */
    Optional<Path> logs() {
        return Optional.ofNullable(logs);
    }

    /** The gateway's address, or a service's own: fmb +1, codeserver +2, hosp +3, death certificates +4. */
    String baseUrl(int offset) {
        return "http://localhost:" + (portBase + offset);
    }

    /** An access token of a demo client (README's table), from the gateway's {@code /oauth2/token}. */
    String token(String client) throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((client + ":" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl(0) + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "No token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    JsonNode getJson(String url, String accept) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
