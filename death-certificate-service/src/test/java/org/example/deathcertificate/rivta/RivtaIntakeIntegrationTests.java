package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.deathcertificate.rivta.RivtaMessages.*;

import java.net.http.HttpClient;
import java.util.UUID;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class RivtaIntakeIntegrationTests {

    static final String WEBCERT = "Bearer " + TestTokens.token("webcert", null, null, "fmb.read", "certificates.submit");

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    String url() {
        return "http://localhost:" + port;
    }

    @Test
    void acceptsTheExampleOnceItsPersonnummerHasACorrectCheckDigit() {
        var id = UUID.randomUUID().toString();
        var answer = post(client, url(), REGISTER_PATH, WEBCERT, envelope(validElement(id)));
        System.out.println(answer.body());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(resultCode(answer.body())).isEqualTo("OK");
    }

    @Test
    void refusesTheExampleAsPublishedWithValidationError() {
        var answer = post(client, url(), REGISTER_PATH, WEBCERT, envelope(exampleElement()));
        System.out.println(answer.body());
        assertThat(resultCode(answer.body())).isEqualTo("ERROR");
        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("personnummer").contains("check digit");
    }
}
