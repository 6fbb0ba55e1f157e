package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Two gateway replicas in one JVM on one PostgreSQL (the embedded one, database "gateway"), as two replicas behind a
 * load balancer: what one issues, stores or counts, the other knows.
 */
class ReplicatedGatewaysTests {

    static final String REDIRECT_URI = "http://localhost:8080/fmb/login/oauth2/code/suite";
    static final ObjectMapper JSON = new ObjectMapper();
    static final StubService FMB = new StubService("fmb");
    static final StubService HOSP = new StubService("hosp");
    static final Instant NOW = Instant.now();
    static final String KEY_STORE = IssuerKeyStores.create(
                    Map.of("previous", NOW.minus(Duration.ofDays(30)), "current", NOW))
            .toString();

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    final HttpClient client = HttpClient.newHttpClient();
    final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    /** IVO's budget on these replicas; they synchronise their view of it every 20 requests (the default). */
    static final int IVO_BUDGET = 40;

    static final int SYNCHRONIZED_EVERY = 20;

    @BeforeAll
    static void startTwoGateways() {
        first = gateway(IVO_LIMIT);
        second = gateway(IVO_LIMIT);
    }

    static final String[] IVO_LIMIT = {
        "gateway.limits.clients.ivo.capacity=" + IVO_BUDGET, "gateway.limits.clients.ivo.period=1h"
    };

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        FMB.close();
        HOSP.close();
    }

    /** A gateway replica; its settings are command-line arguments, which win over application.yml as in production. */
    static ConfigurableApplicationContext gateway(String... more) {
        var arguments = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0",
                "--gateway.services.fmb=" + FMB.url(),
                "--gateway.services.hosp=" + HOSP.url(),
                "--gateway.authorization-server.key-store.location=" + KEY_STORE,
                "--gateway.authorization-server.key-store.password=" + IssuerKeyStores.PASSWORD));
        for (var setting : more) {
            arguments.add("--" + setting);
        }
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    @Test
    void acceptsATokenIssuedByTheOtherGateway() throws Exception {
        var fromFirst = token(first, "region-skane");
        var atSecond = get(second, "/hosp/api/v1/persons/191212121212", fromFirst);
        assertThat(atSecond.statusCode()).as(atSecond.body()).isEqualTo(200);
        assertThat(JSON.readTree(atSecond.body()).path("service").asText()).isEqualTo("hosp");
        var fromSecond = token(second, "region-skane");
        assertThat(get(first, "/hosp/api/v1/persons/191212121212", fromSecond).statusCode())
                .isEqualTo(200);
    }

    @Test
    void letsAResourceServerReadingEitherKeySetCheckTokensOfBoth() throws Exception {
        var fromFirst = token(first, "webcert");
        var fromSecond = token(second, "webcert");
        for (var replica : new ConfigurableApplicationContext[] {first, second}) {
            var decoder =
                    NimbusJwtDecoder.withJwkSetUri(url(replica, "/oauth2/jwks")).build();
            assertThat(decoder.decode(fromFirst).getSubject()).isEqualTo("webcert");
            assertThat(decoder.decode(fromSecond).getSubject()).isEqualTo("webcert");
        }
    }

    @Test
    void publishesEveryKeyAndSignsWithTheNewest() throws Exception {
        for (var replica : new ConfigurableApplicationContext[] {first, second}) {
            var keys = JWKSet.parse(get(replica, "/oauth2/jwks", null).body());
            assertThat(keys.getKeys())
                    .extracting(key -> key.getKeyID())
                    .containsExactlyInAnyOrder("previous", "current");
            assertThat(keys.getKeys()).noneMatch(key -> key.isPrivate());
            assertThat(JWSObject.parse(token(replica, "webcert")).getHeader().getKeyID())
                    .isEqualTo("current");
        }
    }

    @Test
    void acceptsTokensSignedWithAnotherKeyOfTheStoreDuringARotation() throws Exception {
        try (var stillOnThePreviousKey = gateway("gateway.authorization-server.key-store.signing-key=previous")) {
            var token = token(stillOnThePreviousKey, "region-skane");
            assertThat(JWSObject.parse(token).getHeader().getKeyID()).isEqualTo("previous");
            assertThat(get(first, "/hosp/api/v1/persons/191212121212", token).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void holdsAClientsBudgetAcrossBothGatewaysWithinTheDocumentedTolerance() throws Exception {
        var token = token(first, "ivo");
        var passed = 0;
        for (int i = 0; i < 3 * IVO_BUDGET; i++) {
            var replica = i % 2 == 0 ? first : second;
            var status =
                    get(replica, "/hosp/api/v1/persons/191212121212", token).statusCode();
            assertThat(status).isIn(200, 429);
            passed += status == 200 ? 1 : 0;
        }
        // each replica may count up to SYNCHRONIZED_EVERY requests before it learns of the other's
        assertThat(passed).isBetween(IVO_BUDGET, IVO_BUDGET + 2 * SYNCHRONIZED_EVERY);
        assertThat(get(first, "/hosp/api/v1/persons/191212121212", token).statusCode())
                .isEqualTo(429);
        assertThat(get(second, "/hosp/api/v1/persons/191212121212", token).statusCode())
                .isEqualTo(429);
    }

    @Test
    void holdsAClientsBudgetExactlyAcrossGatewaysThatCountEveryRequestInTheDatabase() throws Exception {
        var exact = new String[] {
            "gateway.limits.synchronization.max-unsynchronized-requests=0",
            "gateway.limits.clients.transportstyrelsen.capacity=25",
            "gateway.limits.clients.transportstyrelsen.period=1h"
        };
        try (var one = gateway(exact);
                var other = gateway(exact)) {
            var token = token(one, "transportstyrelsen");
            var passed = 0;
            for (int i = 0; i < 40; i++) {
                var status = get(i % 3 == 0 ? one : other, "/hosp/api/v1/persons/191212121212", token)
                        .statusCode();
                passed += status == 200 ? 1 : 0;
            }
            assertThat(passed).isEqualTo(25);
        }
    }

    @Test
    void knowsAtOneGatewayTheLoginSessionStartedAtTheOther() throws Exception {
        // the authorization request and the login form's CSRF token are kept in the session at the first gateway ...
        var toLogin = send(browser, first, "/oauth2/authorize?" + authorizationRequest());
        assertThat(toLogin.statusCode()).isEqualTo(302);
        var loginPage = send(browser, first, "/login");
        // ... the second takes the login with that CSRF token and knows what was asked for
        var loggedIn = browser.send(
                HttpRequest.newBuilder(URI.create(url(second, "/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=editor-password&_csrf="
                                + URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow())
                .contains("/oauth2/authorize")
                .doesNotContain("error");
        // ... and the first knows the person logged in at the second
        var withCode = send(browser, first, "/oauth2/authorize?" + authorizationRequest());
        assertThat(withCode.statusCode()).isEqualTo(302);
        assertThat(withCode.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT_URI)
                .contains("code=");
    }

    @Test
    void redeemsAtOneGatewayTheAuthorizationCodeIssuedByTheOther() throws Exception {
        send(browser, first, "/oauth2/authorize?" + authorizationRequest());
        var loginPage = send(browser, first, "/login");
        browser.send(
                HttpRequest.newBuilder(URI.create(url(first, "/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=reviewer&password=reviewer-password&_csrf="
                                + URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var withCode = send(browser, first, "/oauth2/authorize?" + authorizationRequest());
        var location = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI);
        var code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");

        var redeemed = redeem(second, code);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        var token = JSON.readTree(redeemed.body());
        // the scopes are narrowed to the person's, as at one gateway
        assertThat(token.path("scope").asText().split(" ")).containsExactlyInAnyOrder("openid", "fmb.review");
        // a code is redeemed once, wherever
        assertThat(redeem(first, code).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> redeem(ConfigurableApplicationContext replica, String code) throws Exception {
        var basic = Base64.getEncoder().encodeToString("fmb-web:fmb-web-secret".getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create(url(replica, "/oauth2/token")))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String authorizationRequest() {
        return "response_type=code&client_id=fmb-web&state=s1&scope="
                + URLEncoder.encode("openid fmb.write fmb.review", StandardCharsets.UTF_8) + "&redirect_uri="
                + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8);
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> send(HttpClient browser, ConfigurableApplicationContext replica, String path)
            throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url(replica, path)))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String token(ConfigurableApplicationContext replica, String clientId) throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8));
        var response = client.send(
                HttpRequest.newBuilder(URI.create(url(replica, "/oauth2/token")))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        return body.path("access_token").asText();
    }

    HttpResponse<String> get(ConfigurableApplicationContext replica, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(replica, path)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String url(ConfigurableApplicationContext replica, String path) {
        return "http://localhost:"
                + ((WebServerApplicationContext) replica).getWebServer().getPort() + path;
    }
}
