package org.example.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.platform.security.AccessRule;
import org.example.platform.security.ServiceAccess;
import org.example.platform.security.SuiteAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway and each service decide alike: for every rule of every service's access list, every method it names
 * (GET and POST where it names none), a path each of its patterns matches, and every caller (no token, and each demo
 * client with the token the gateway issues it; one client per distinct set of scopes), the answer through the gateway (passed on to the service, or 401/403)
 * is compared with the decision the service installs ({@link ServiceAccess#atService()}, via the platform's
 * {@code ResourceServer.protect}) for the same token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.limits.anonymous.capacity=100000", "gateway.limits.authenticated.capacity=100000"})
class AccessAgreementTests {

    static final Map<String, StubService> SERVICES = Map.of(
            "fmb",
            new StubService("fmb"),
            "codeserver",
            new StubService("codeserver"),
            "hosp",
            new StubService("hosp"),
            "death-certificates",
            new StubService("death-certificates"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final Authentication ANONYMOUS = new AnonymousAuthenticationToken(
            "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    Environment environment;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, stub) -> registry.add("gateway.services." + name, stub::url));
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(StubService::close);
    }

    @Test
    void decidesAsEachServiceForEveryRuleAndEveryDemoClient() throws Exception {
        var callers = callers();
        var disagreements = new ArrayList<String>();
        int compared = 0;
        int passed = 0;
        for (var service : SuiteAccess.SERVICES) {
            for (var request : samples(service)) {
                for (var caller : callers.entrySet()) {
                    var token = caller.getValue();
                    var authentication =
                            token == null ? ANONYMOUS : new JwtAuthenticationConverter().convert(decoder.decode(token));
                    var atService = service.atService()
                            .check(() -> authentication, new RequestAuthorizationContext(mock(request)))
                            .isGranted();
                    var response = send(request, token);
                    var atGateway = response.statusCode() == 200;
                    if (atGateway) {
                        assertThat(JSON.readTree(response.body())
                                        .path("service")
                                        .asText())
                                .isEqualTo(service.audience());
                    } else {
                        assertThat(response.statusCode())
                                .as(request + " " + caller.getKey())
                                .isIn(401, 403);
                    }
                    if (atGateway != atService) {
                        disagreements.add(request + " as " + caller.getKey() + ": gateway " + response.statusCode()
                                + ", service " + (atService ? "allows" : "refuses"));
                    }
                    compared++;
                    passed += atGateway ? 1 : 0;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).isGreaterThan(700);
        assertThat(passed).isPositive().isLessThan(compared);
    }

    @Test
    void passesPagesWithTheirOwnLoginOnToTheService() throws Exception {
        for (var service : SuiteAccess.SERVICES) {
            for (var rule : service.rules()) {
                if (rule.kind() == AccessRule.Kind.OWN_LOGIN) {
                    for (var pattern : rule.patterns()) {
                        var request = new Sample("GET", path(pattern));
                        assertThat(send(request, null).statusCode())
                                .as(request.toString())
                                .isEqualTo(200);
                        assertThat(service.atService()
                                        .check(() -> ANONYMOUS, new RequestAuthorizationContext(mock(request)))
                                        .isGranted())
                                .isFalse();
                    }
                }
            }
        }
    }

    /** Anonymous, then each demo client of the gateway's configuration with the token it gets for all its scopes. */
    private Map<String, String> callers() throws Exception {
        var callers = new LinkedHashMap<String, String>();
        callers.put("anonymous", null);
        var clients = Binder.get(environment)
                .bind("gateway.authorization-server.clients", Bindable.mapOf(String.class, DemoClient.class))
                .get();
        var scopeSets = new java.util.HashSet<Object>();
        for (var client : clients.entrySet()) {
            if (client.getValue().redirectUris() != null
                    || !scopeSets.add(client.getValue().scopes())) {
                continue; // a web client (no client-credentials grant), or the same scopes as a client already asked
            }
            callers.put(
                    client.getKey(),
                    token(client.getKey(), client.getValue().secret().replace("{noop}", "")));
        }
        assertThat(callers).hasSizeGreaterThan(7);
        return callers;
    }

    /** Requests that every rule's patterns match, and one per route that no rule lists. */
    private static List<Sample> samples(ServiceAccess service) {
        var samples = new ArrayList<Sample>();
        for (var rule : service.rules()) {
            if (rule.kind() == AccessRule.Kind.OWN_LOGIN) {
                continue;
            }
            var methods = rule.method() == null
                    ? List.of("GET", "POST")
                    : List.of(rule.method().name());
            for (var pattern : rule.patterns()) {
                methods.forEach(method -> samples.add(new Sample(method, path(pattern))));
            }
        }
        for (var route : service.routes()) {
            samples.add(new Sample("DELETE", path(route)));
            samples.add(new Sample("POST", path(route).replace("/a/b", "/not-listed")));
        }
        return samples;
    }

    private static String path(String pattern) {
        return pattern.replace("/**", "/a/b").replace("/*", "/x1");
    }

    private static MockHttpServletRequest mock(Sample sample) {
        var request = new MockHttpServletRequest(sample.method(), sample.path());
        request.setRequestURI(sample.path());
        return request;
    }

    private HttpResponse<String> send(Sample sample, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sample.path()))
                .method(
                        sample.method(),
                        sample.method().equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String clientId, String secret) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    record DemoClient(String secret, List<String> scopes, List<String> redirectUris) {}

    record Sample(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
