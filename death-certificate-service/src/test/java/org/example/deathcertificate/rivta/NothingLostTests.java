package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.deathcertificate.rivta.RivtaMessages.REGISTER_PATH;
import static org.example.deathcertificate.rivta.RivtaMessages.envelope;
import static org.example.deathcertificate.rivta.RivtaMessages.resultCode;
import static org.example.deathcertificate.rivta.RivtaMessages.validElement;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.example.deathcertificate.DeathCertificateApplication;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nothing is lost: 10,000 certificates sent by parallel clients that send again whatever was not answered OK or
 * INFO, while the service is stopped in the middle and started again on the same port and database.
 */
class NothingLostTests {

    static final int CERTIFICATES = 10_000;
    static final int CLIENTS = 12;
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(1);
    static volatile String token;
    static volatile long tokenMadeAt;

    @Test
    void storesTenThousandCertificatesExactlyOnceThoughTheServiceRestartsInTheMiddle() throws Exception {
        var service = start(0); // the first start takes a port the system gives; the restart takes the same one
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        var run = UUID.randomUUID().toString().substring(0, 8);
        var pending = new ConcurrentLinkedQueue<String>();
        for (int i = 0; i < CERTIFICATES; i++) {
            pending.add("lost-" + run + "-" + i);
        }
        var answered = new AtomicInteger();
        var retries = new AtomicInteger();
        var outcomes = new ConcurrentHashMap<String, AtomicInteger>();
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var url = URI.create("http://localhost:" + port + REGISTER_PATH);

        var clients = Executors.newFixedThreadPool(CLIENTS);
        var work = new ArrayList<Future<?>>();
        for (int c = 0; c < CLIENTS; c++) {
            work.add(clients.submit(() -> {
                String id;
                while ((id = pending.poll()) != null) {
                    var body = envelope(small(validElement(id)));
                    while (true) {
                        var code = send(client, url, body);
                        outcomes.computeIfAbsent(code, key -> new AtomicInteger())
                                .incrementAndGet();
                        if ("OK".equals(code) || "INFO".equals(code)) {
                            answered.incrementAndGet();
                            break;
                        }
                        if ("ERROR:VALIDATION_ERROR".equals(code)) {
                            throw new IllegalStateException("certificate " + id + " was refused as invalid");
                        }
                        retries.incrementAndGet();
                        pause();
                    }
                }
                return null;
            }));
        }
        awaitProgress(answered, CERTIFICATES / 3, outcomes);
        service.close();
        service = start(port);
        awaitProgress(answered, CERTIFICATES, outcomes);
        for (var future : work) {
            future.get();
        }
        clients.shutdown();
        try {
            var jdbc = service.getBean(JdbcTemplate.class);
            var stored = jdbc.queryForMap(
                    "select count(*) as rows, count(distinct certificate_id) as ids "
                            + "from death_certificate where certificate_id like ?",
                    "lost-" + run + "-%");

            assertThat(answered.get()).isEqualTo(CERTIFICATES);
            assertThat(stored).containsEntry("rows", (long) CERTIFICATES).containsEntry("ids", (long) CERTIFICATES);
            assertThat(outcomes.keySet()).doesNotContain("ERROR:VALIDATION_ERROR");
            System.out.printf(
                    "NothingLostTests: %d certificates, %d retries, outcomes %s%n",
                    CERTIFICATES, retries.get(), snapshot(outcomes));
        } finally {
            service.close();
        }
    }

    /** Waits until enough certificates are answered; fails when there is no progress for a minute. */
    static void awaitProgress(AtomicInteger answered, int target, Map<String, AtomicInteger> outcomes)
            throws InterruptedException {
        int last = answered.get();
        long lastProgress = System.nanoTime();
        while (answered.get() < target) {
            Thread.sleep(200);
            int now = answered.get();
            if (now != last) {
                last = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > Duration.ofMinutes(1).toNanos()) {
                throw new AssertionError("No progress at " + now + " answered; outcomes " + snapshot(outcomes));
            }
        }
    }

    /** The example without its eight contributing conditions, to keep the run short. */
    static String small(String element) {
        return element.replaceAll("(?s)\\s*<svar id=\"10\">.*?</svar>", "");
    }

    /** A fresh token every minute: test tokens live five minutes and a slow machine may need longer. */
    static String bearer() {
        if (token == null || System.nanoTime() - tokenMadeAt > TOKEN_LIFETIME.toNanos()) {
            synchronized (NothingLostTests.class) {
                if (token == null || System.nanoTime() - tokenMadeAt > TOKEN_LIFETIME.toNanos()) {
                    token = "Bearer " + TestTokens.token("webcert", null, null, "certificates.submit");
                    tokenMadeAt = System.nanoTime();
                }
            }
        }
        return token;
    }

    static String send(HttpClient client, URI url, String body) {
        var request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .header("Authorization", bearer())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            var answer = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                return "HTTP " + answer.statusCode();
            }
            var code = resultCode(answer.body());
            return "ERROR".equals(code) ? "ERROR:" + RivtaMessages.errorId(answer.body()) : code;
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(DeathCertificateApplication.class, TestTokens.Config.class)
                .run(
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.apache.cxf=ERROR",
                        "--server.shutdown=graceful",
                        "--spring.lifecycle.timeout-per-shutdown-phase=10s");
    }

    static Map<String, Integer> snapshot(Map<String, AtomicInteger> outcomes) {
        var copy = new java.util.TreeMap<String, Integer>();
        outcomes.forEach((key, value) -> copy.put(key, value.get()));
        return copy;
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
