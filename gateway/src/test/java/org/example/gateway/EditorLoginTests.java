package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The authorization-code flow the FMB editor pages use, driven over HTTP as a browser would. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.web.max-request-size=4KB")
class EditorLoginTests {

    static final String REDIRECT_URI = "http://localhost:8080/fmb/login/oauth2/code/suite";
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @LocalServerPort
    int port;

    @Test
    void grantsAnEditorOnlyTheEditorsScopeThoughThePageAsksForMore() throws Exception {
        var token = login("editor", "editor-password");
        assertThat(token.path("scope").asText().split(" ")).containsExactlyInAnyOrder("openid", "fmb.write");
        var claims = JSON.readTree(Base64.getUrlDecoder()
                .decode(token.path("access_token").asText().split("\\.")[1]));
        assertThat(claims.path("sub").asText()).isEqualTo("editor");
        assertThat(claims.path("scope").toString()).contains("fmb.write").doesNotContain("fmb.review");
        assertThat(token.path("id_token").asText()).isNotBlank();
    }

    @Test
    void refusesThePagesIdTokenOnTheServicesAndIssuesTheAccessTokenForFmbOnly() throws Exception {
        var token = login("reviewer", "reviewer-password");
        var accessToken = JSON.readTree(Base64.getUrlDecoder()
                .decode(token.path("access_token").asText().split("\\.")[1]));
        assertThat(accessToken.path("aud").toString()).isIn("\"fmb\"", "[\"fmb\"]");
        var idToken = token.path("id_token").asText();
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]))
                        .path("aud")
                        .toString())
                .contains("fmb-web")
                .doesNotContain("\"fmb\"");
        var refused =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fmb/api/v1/authoring/diagnoses"))
                        .header("Authorization", "Bearer " + idToken)
                        .build());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void grantsAReviewerTheReviewScope() throws Exception {
        var token = login("reviewer", "reviewer-password");
        assertThat(token.path("scope").asText().split(" ")).containsExactlyInAnyOrder("openid", "fmb.review");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        authorize();
        var loginPage = send(get("/login"));
        var refused = send(post("/login", "username=editor&password=wrong&_csrf=" + csrf(loginPage.body())));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }

    private com.fasterxml.jackson.databind.JsonNode login(String user, String password) throws Exception {
        var toLogin = authorize();
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        var loginPage = send(get("/login"));
        var loggedIn = send(post(
                "/login",
                "username=" + user + "&password=" + password + "&_csrf="
                        + URLEncoder.encode(csrf(loginPage.body()), StandardCharsets.UTF_8)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        var backToAuthorize =
                URI.create(loggedIn.headers().firstValue("Location").orElseThrow());
        var withCode = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + backToAuthorize.getRawPath()
                        + "?" + backToAuthorize.getRawQuery()))
                .header("Accept", "text/html")
                .build());
        assertThat(withCode.statusCode()).isEqualTo(302);
        var location = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI).contains("state=s1");
        var code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        var basic = Base64.getEncoder().encodeToString("fmb-web:fmb-web-secret".getBytes(StandardCharsets.UTF_8));
        var token = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)))
                .build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private HttpResponse<String> authorize() throws Exception {
        return send(get("/oauth2/authorize?response_type=code&client_id=fmb-web&state=s1"
                + "&scope=" + URLEncoder.encode("openid fmb.write fmb.review", StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)));
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
