package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.deathcertificate.rivta.RivtaMessages.REGISTER_PATH;
import static org.example.deathcertificate.rivta.RivtaMessages.envelope;
import static org.example.deathcertificate.rivta.RivtaMessages.post;
import static org.example.deathcertificate.rivta.RivtaMessages.resultCode;
import static org.example.deathcertificate.rivta.RivtaMessages.resultText;
import static org.example.deathcertificate.rivta.RivtaMessages.validElement;

import java.net.http.HttpClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.example.deathcertificate.DeathCertificateApplication;
import org.example.platform.replica.Replica;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two replicas on one database: the same certificate sent to both at the same moment is stored once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class RivtaReplicasTests {

    private static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecondReplica() {
        second = Replica.start(DeathCertificateApplication.class);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @Test
    void storesACertificateSentToBothReplicasAtOnceOnceAndAnswersTheOtherAsARepeat() throws Exception {
        var replicas = List.of("http://localhost:" + port, second.baseUrl());
        // a token of its own, made now: one made when another test class started may have expired on a slow run
        var webcert = "Bearer " + TestTokens.token("webcert", null, null, "certificates.submit");
        var senders = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                var id = UUID.randomUUID().toString();
                var message = envelope(validElement(id));
                var together = new CyclicBarrier(2);
                List<Callable<String>> sends = replicas.stream()
                        .<Callable<String>>map(replica -> () -> {
                            together.await(10, TimeUnit.SECONDS);
                            return post(client, replica, REGISTER_PATH, webcert, message)
                                    .body();
                        })
                        .toList();
                var answers = senders.invokeAll(sends, 60, TimeUnit.SECONDS);

                var first = answers.get(0).get();
                var other = answers.get(1).get();
                assertThat(List.of(resultCode(first), resultCode(other))).containsExactlyInAnyOrder("OK", "INFO");
                assertThat(resultCode(first).equals("INFO") ? resultText(first) : resultText(other))
                        .isEqualTo(RegisterCertificateResponder.ALREADY_EXISTS);
                assertThat(jdbc.queryForObject(
                                "select count(*) from death_certificate where certificate_id = ?", Integer.class, id))
                        .isOne();
            }
        } finally {
            senders.shutdownNow();
        }
    }
}
