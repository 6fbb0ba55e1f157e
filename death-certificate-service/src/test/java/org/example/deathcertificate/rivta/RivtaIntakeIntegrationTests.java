package org.example.deathcertificate.rivta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.deathcertificate.rivta.RivtaMessages.REGISTER_PATH;
import static org.example.deathcertificate.rivta.RivtaMessages.REVOKE_PATH;
import static org.example.deathcertificate.rivta.RivtaMessages.VALID_PERSONNUMMER;
import static org.example.deathcertificate.rivta.RivtaMessages.envelope;
import static org.example.deathcertificate.rivta.RivtaMessages.errorId;
import static org.example.deathcertificate.rivta.RivtaMessages.exampleElement;
import static org.example.deathcertificate.rivta.RivtaMessages.post;
import static org.example.deathcertificate.rivta.RivtaMessages.resultCode;
import static org.example.deathcertificate.rivta.RivtaMessages.resultText;
import static org.example.deathcertificate.rivta.RivtaMessages.revoke;
import static org.example.deathcertificate.rivta.RivtaMessages.validElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestTokens.Config.class)
class RivtaIntakeIntegrationTests {

    static final String OTHER_SUBMITTER = TestTokens.bearer("another-ehr", "certificates.submit");
    static final String WEBCERT =
            "Bearer " + TestTokens.token("webcert", null, null, "fmb.read", "certificates.submit");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient client = HttpClient.newHttpClient();

    String url() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> register(String element) {
        return post(client, url(), REGISTER_PATH, WEBCERT, envelope(element));
    }

    int stored(String certificateId) {
        return jdbc.queryForObject(
                "select count(*) from death_certificate where certificate_id = ?", Integer.class, certificateId);
    }

    @Test
    void acceptsTheExampleOnceItsPersonnummerHasACorrectCheckDigitAndKeepsTheOriginalElement() {
        var id = UUID.randomUUID().toString();
        var element = validElement(id);

        var answer = register(element);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(resultCode(answer.body())).isEqualTo("OK");
        var row = jdbc.queryForMap(
                "select channel, status, personnummer, date_of_death, terminal_cause, "
                        + "jsonb_array_length(cause_chain) as lines, jsonb_array_length(contributing_conditions) as contributing, "
                        + "original_xml from death_certificate where certificate_id = ?",
                id);
        assertThat(row.get("channel")).isEqualTo("WEBCERT");
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(row.get("personnummer")).isEqualTo(VALID_PERSONNUMMER);
        assertThat(row.get("date_of_death")).hasToString("2017-04-01");
        assertThat(row.get("terminal_cause")).isEqualTo("terminal dödsorsak");
        assertThat(row.get("lines")).isEqualTo(4);
        assertThat(row.get("contributing")).isEqualTo(8);
        assertThat((byte[]) row.get("original_xml")).isEqualTo(element.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesTheExampleAsPublishedBecauseOfItsCheckDigit() {
        var answer = register(exampleElement()
                .replace(
                        "<ns3:extension>1234567</ns3:extension>",
                        "<ns3:extension>" + UUID.randomUUID() + "</ns3:extension>"));

        assertThat(resultCode(answer.body())).isEqualTo("ERROR");
        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("personnummer").contains("check digit");
    }

    @Test
    void answersInfoForARepeatedCertificateAndStoresItOnce() {
        var id = UUID.randomUUID().toString();
        assertThat(resultCode(register(validElement(id)).body())).isEqualTo("OK");

        var again = register(validElement(id));

        assertThat(resultCode(again.body())).isEqualTo("INFO");
        assertThat(resultText(again.body())).isEqualTo("Certificate already exists");
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void answersAnErrorNamingTheClashForTheSameIdWithOtherContentAndKeepsTheFirst() {
        var id = UUID.randomUUID().toString();
        assertThat(resultCode(register(validElement(id)).body())).isEqualTo("OK");

        var clash = register(validElement(id).replace("terminal dödsorsak", "en annan dödsorsak"));

        assertThat(resultCode(clash.body())).isEqualTo("ERROR");
        assertThat(errorId(clash.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(clash.body())).doesNotContain(id).contains("other content");
        assertThat(stored(id)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select terminal_cause from death_certificate where certificate_id = ?", String.class, id))
                .isEqualTo("terminal dödsorsak");
    }

    @Test
    void answersAnErrorForTheSameCertificateFromAnotherSender() {
        var id = UUID.randomUUID().toString();
        assertThat(resultCode(register(validElement(id)).body())).isEqualTo("OK");

        var clash = post(client, url(), REGISTER_PATH, OTHER_SUBMITTER, envelope(validElement(id)));

        assertThat(resultCode(clash.body())).isEqualTo("ERROR");
        assertThat(errorId(clash.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(clash.body())).contains("another sender");
        assertThat(clash.body()).doesNotContain(VALID_PERSONNUMMER);
    }

    @Test
    void refusesACertificateBreakingTheDoiSchematronRules() {
        var id = UUID.randomUUID().toString();
        var withoutTerminalCause = validElement(id).replaceAll("(?s)<svar id=\"8\">.*?</svar>", "");

        var answer = register(withoutTerminalCause);

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("Ett intyg måste ha en 'Terminal dödsorsak'");
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesOnsetDatesThatAreLaterDownTheCauseChain() {
        var id = UUID.randomUUID().toString();
        var laterOnset = validElement(id)
                .replace("<delsvar id=\"9.2\">2016-04-01</delsvar>", "<delsvar id=\"9.2\">2016-06-01</delsvar>");

        var answer = register(laterOnset);

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body()))
                .contains(
                        "/intyg[1]/svar[7]/delsvar[2]: 'Datum som följd' med instansnummer \"2\" får inte vara efter");
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesADateOfDeathInTheFuture() {
        var id = UUID.randomUUID().toString();
        var future = validElement(id)
                .replace("<delsvar id=\"2.2\">2017-04-01</delsvar>", "<delsvar id=\"2.2\">2999-04-01</delsvar>")
                .replace("<delsvar id=\"2.3\">2017-04-02</delsvar>", "<delsvar id=\"2.3\">2999-04-02</delsvar>");

        var answer = register(future);

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("dateOfDeath: must not be in the future");
    }

    @Test
    void refusesAnotherCertificateType() {
        var id = UUID.randomUUID().toString();
        var answer = register(validElement(id).replace("<ns3:code>DOI</ns3:code>", "<ns3:code>DB</ns3:code>"));

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("certificate type must be DOI");
    }

    @Test
    void answersXsdErrorsAsValidationErrorNamingTheRuleAndElementButNotTheValueSent() {
        var id = UUID.randomUUID().toString();
        var answer = register(validElement(id).replace(VALID_PERSONNUMMER, "19270310"));

        assertThat(resultCode(answer.body())).isEqualTo("ERROR");
        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body()))
                .contains("cvc-pattern-valid")
                .contains("element 'extension'")
                .doesNotContain("19270310");
        assertThat(stored(id)).isZero();
    }

    @Test
    void answersARevocationsSchemaErrorWithoutRepeatingThePersonnummerSent() {
        var id = UUID.randomUUID().toString();
        var wrongRoot = revoke(id, VALID_PERSONNUMMER)
                .replace("<ns3:root>1.2.752.29.4.71</ns3:root>", "<ns3:root>19121212-1212</ns3:root>");

        var answer = post(client, url(), REVOKE_PATH, WEBCERT, envelope(wrongRoot));

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("element 'root'");
        assertThat(answer.body()).doesNotContain("19121212-1212");
    }

    @Test
    void refusesAnotherLogicalAddressWithoutRepeatingIt() {
        var id = UUID.randomUUID().toString();
        for (var path : List.of(REGISTER_PATH, REVOKE_PATH)) {
            var body = path.equals(REGISTER_PATH) ? validElement(id) : revoke(id, VALID_PERSONNUMMER);
            var answer = post(client, url(), path, WEBCERT, envelope("' or 1=1 -- 19121212-1212", body));

            assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
            assertThat(resultText(answer.body())).isEqualTo("LogicalAddress is not this receiver");
            assertThat(answer.body()).doesNotContain("19121212-1212");
        }
        assertThat(stored(id)).isZero();
    }

    @Test
    void answersCharactersXmlDoesNotAllowWithAClientFaultNamingNoParserClass() {
        for (var bad : List.of("&#0;", "\uFFFF")) {
            var id = UUID.randomUUID().toString();
            var answer = register(validElement(id).replace("körkort", "kör" + bad + "kort"));

            assertThat(answer.statusCode()).isEqualTo(500);
            assertThat(answer.body())
                    .contains("<faultcode>soap:Client</faultcode>")
                    .contains("<faultstring>The message is not well-formed XML</faultstring>")
                    .doesNotContain("wstx")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(stored(id)).isZero();
        }
    }

    @Test
    void refusesAMessageForAnotherLogicalAddress() {
        var id = UUID.randomUUID().toString();
        var answer = post(client, url(), REGISTER_PATH, WEBCERT, envelope("SE0000000000-XXXX", validElement(id)));

        assertThat(errorId(answer.body())).isEqualTo("VALIDATION_ERROR");
        assertThat(resultText(answer.body())).contains("LogicalAddress");
        assertThat(stored(id)).isZero();
    }

    @Test
    void linksAReplacementToTheCertificateItReplaces() {
        var first = UUID.randomUUID().toString();
        var second = UUID.randomUUID().toString();
        register(validElement(first));
        var replacement = validElement(second).replace("<svar id=\"1\">", """
                <relation>
                    <typ><ns3:code>ERSATT</ns3:code><ns3:codeSystem>c2362fcd-eda0-4f9a-bd13-b3bbaf7f2146</ns3:codeSystem></typ>
                    <intygs-id><ns3:root>SE2321000016-H489</ns3:root><ns3:extension>%s</ns3:extension></intygs-id>
                </relation>
                <svar id="1">""".formatted(first));

        assertThat(resultCode(register(replacement).body())).isEqualTo("OK");

        assertThat(jdbc.queryForObject(
                        "select replaces_certificate_id from death_certificate where certificate_id = ?",
                        String.class,
                        second))
                .isEqualTo(first);
    }

    @Test
    void revokesAStoredCertificateKeepingIt() {
        var id = UUID.randomUUID().toString();
        register(validElement(id));

        var answer = post(client, url(), REVOKE_PATH, WEBCERT, envelope(revoke(id, VALID_PERSONNUMMER)));
        var again = post(client, url(), REVOKE_PATH, WEBCERT, envelope(revoke(id, VALID_PERSONNUMMER)));

        assertThat(resultCode(answer.body())).isEqualTo("OK");
        assertThat(jdbc.queryForMap(
                        "select status, revocation_message from death_certificate where certificate_id = ?", id))
                .containsEntry("status", "REVOKED")
                .containsEntry("revocation_message", "Fel patient");
        assertThat(resultCode(again.body())).isEqualTo("INFO");
        assertThat(resultText(again.body())).isEqualTo("Certificate is already revoked.");
    }

    @Test
    void answersAnErrorWhenRevokingAnUnknownCertificate() {
        var id = UUID.randomUUID().toString();

        var answer = post(client, url(), REVOKE_PATH, WEBCERT, envelope(revoke(id, VALID_PERSONNUMMER)));

        assertThat(resultCode(answer.body())).isEqualTo("ERROR");
        assertThat(errorId(answer.body())).isEqualTo("APPLICATION_ERROR");
        assertThat(resultText(answer.body())).isEqualTo("Certificate does not exist for patient.");
    }

    @Test
    void refusesASoapRequestWithoutTokenWith401() {
        var answer = post(
                client,
                url(),
                REGISTER_PATH,
                null,
                envelope(validElement(UUID.randomUUID().toString())));

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void refusesATokenWithoutTheSubmitScopeWith403() {
        var coder = "Bearer "
                + TestTokens.token("cause-of-death-coder", null, null, "certificates.read", "certificates.code");
        var answer = post(
                client,
                url(),
                REGISTER_PATH,
                coder,
                envelope(validElement(UUID.randomUUID().toString())));

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void servesBothWsdls() throws Exception {
        for (var path : List.of(REGISTER_PATH, REVOKE_PATH)) {
            var answer = client.send(
                    HttpRequest.newBuilder(URI.create(url() + path + "?wsdl")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("wsdl:definitions").contains("LogicalAddress");
        }
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        var id = UUID.randomUUID().toString();
        var xxe =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + envelope(validElement(id).replace("körkort", "&xxe;")).replaceFirst("<\\?xml[^>]*>\\n", "");

        var answer = post(client, url(), REGISTER_PATH, WEBCERT, xxe);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body())
                .contains("<faultcode>soap:Client</faultcode>")
                .contains("A DTD (DOCTYPE) is not allowed")
                .doesNotContain("root:");
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesABillionLaughs() {
        var id = UUID.randomUUID().toString();
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            laughs.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]>\n");
        var message =
                laughs + envelope(validElement(id).replace("körkort", "&lol9;")).replaceFirst("<\\?xml[^>]*>\\n", "");

        var answer = post(client, url(), REGISTER_PATH, WEBCERT, message);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("Fault").doesNotContain("lollollol");
        assertThat(stored(id)).isZero();
    }

    @Test
    void refusesAMessageOverTheSizeLimit() {
        var id = UUID.randomUUID().toString();
        var padding = "<!--" + "x".repeat(1_100_000) + "-->";

        var answer = post(client, url(), REGISTER_PATH, WEBCERT, envelope(validElement(id) + padding));

        assertThat(answer.statusCode()).isIn(413, 500);
        assertThat(stored(id)).isZero();
    }

    @Test
    void storesEachCertificateOnceWhenSixteenSendersSendTheSameIdsAtOnce() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        var calls = new ArrayList<Callable<String>>();
        for (int sender = 0; sender < 16; sender++) {
            calls.add(() -> {
                var codes = new StringBuilder();
                for (var id : ids) {
                    codes.append(resultCode(register(validElement(id)).body())).append(' ');
                }
                return codes.toString();
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        var answers = new ArrayList<String>();
        try {
            for (var future : pool.invokeAll(calls)) {
                answers.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        var all = String.join(" ", answers);
        assertThat(all.split("\\s+")).hasSize(16 * 8).containsOnly("OK", "INFO");
        assertThat(all.split("\\s+")).filteredOn("OK"::equals).hasSize(8);
        for (var id : ids) {
            assertThat(stored(id)).isEqualTo(1);
        }
    }
}
