package org.example.fmb.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.example.fmb.IntegrationTestSupport;
import org.example.fmb.SecondReplica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas on one database: an editor logs in on one, and the next request lands on the other. The second
 * replica is configured for HTTPS-only cookies, the first is not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorSessionReplicasTests extends IntegrationTestSupport {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("FMB_SESSION=([^;]+)");

    @Autowired
    ConfigurableApplicationContext first;

    @LocalServerPort
    int firstPort;

    private SecondReplica second;
    private final HttpClient client = HttpClient.newHttpClient(); // follows no redirects, keeps no cookies

    @BeforeAll
    void startSecondReplica() {
        second = SecondReplica.startLike(first, "server.servlet.session.cookie.secure=true");
    }

    @AfterAll
    void stopSecondReplica() {
        second.close();
    }

    @Test
    void keepsAnEditorLoggedInOnOneReplicaLoggedInOnTheOther() throws Exception {
        var firstUrl = "http://localhost:" + firstPort;
        var loginPage = send(HttpRequest.newBuilder(URI.create(firstUrl + "/fmb/login")), null);
        var csrf = match(CSRF, loginPage.body());
        var anonymousSession = match(SESSION, setCookie(loginPage));

        var login = send(
                HttpRequest.newBuilder(URI.create(firstUrl + "/fmb/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=editor&password=editor-password&_csrf="
                                + URLEncoder.encode(csrf, StandardCharsets.UTF_8))),
                anonymousSession);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/fmb/editor"));
        var cookie = setCookie(login);
        var session = match(SESSION, cookie);
        assertThat(session).isNotEqualTo(anonymousSession); // a new session id at login (no fixation)
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

        var onSecond = send(HttpRequest.newBuilder(URI.create(second.baseUrl() + "/fmb/editor")), session);
        assertThat(onSecond.statusCode()).isEqualTo(200);
        assertThat(onSecond.body()).contains("/fmb/logout");
        var anonymousOnSecond = send(HttpRequest.newBuilder(URI.create(second.baseUrl() + "/fmb/editor")), null);
        assertThat(anonymousOnSecond.statusCode()).isEqualTo(302);
        assertThat(anonymousOnSecond.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/fmb/login"));
        assertThat(setCookie(anonymousOnSecond))
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String session) throws Exception {
        if (session != null) {
            request.header("Cookie", "FMB_SESSION=" + session);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String setCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("FMB_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String match(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
        return matcher.group(1);
    }
}
