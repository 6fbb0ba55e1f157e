package org.example.fmb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context all integration tests share: the whole service on a random port, real
 * embedded PostgreSQL, test tokens, a clock tests can move, and a fake code server answering
 * FHIR {@code $validate-code} that tests can switch off. {@code MockMvc} is there for the tests that drive the pages
 * with a signed-in user (a test class that declared it alone would start a whole context of its own).
 */
@AutoConfigureMockMvc
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fmb.codes.open-for=0s",
            "fmb.codes.cache-for=0s",
            "fmb.statistics.flush-interval=1h",
            "fmb.content.refresh-interval=1h",
            "fmb.pages.login=form",
            "fmb.pages.code-suggest-url=" + IntegrationTestSupport.FAKE_SUGGEST_PATH
        })
@Import({TestTokens.Config.class, IntegrationTestSupport.TestClockConfiguration.class})
public abstract class IntegrationTestSupport {

    /** Where the editor pages get code suggestions in tests (see {@link TestClockConfiguration#fakeCodeSuggestions}). */
    protected static final String FAKE_SUGGEST_PATH = "/fmb/editor/test-code-suggest";

    /** Codes the fake code server says do not exist; everything else exists. */
    protected static final Set<String> UNKNOWN_CODES = ConcurrentHashMap.newKeySet();

    protected static volatile boolean codeServerDown;
    /** The fake code server names every code it knows "Kodserverns namn för &lt;code&gt;". */
    protected static final String CODE_SERVER_NAME = "Kodserverns namn för ";

    protected static final MutableClock CLOCK = new MutableClock();
    private static final HttpServer CODE_SERVER = startCodeServer();

    @DynamicPropertySource
    static void codeServer(DynamicPropertyRegistry registry) {
        registry.add(
                "fmb.codes.codeserver-url",
                () -> "http://localhost:" + CODE_SERVER.getAddress().getPort());
    }

    @AfterEach
    void resetFakes() {
        codeServerDown = false;
        UNKNOWN_CODES.clear();
        CLOCK.reset();
    }

    private static HttpServer startCodeServer() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/fhir/CodeSystem/$validate-code", exchange -> {
                if (codeServerDown) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                var query = new HashMap<String, String>();
                for (var pair : exchange.getRequestURI().getRawQuery().split("&")) {
                    var kv = pair.split("=", 2);
                    query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                var valid = !UNKNOWN_CODES.contains(query.get("code"));
                var display = valid
                        ? ",{\"name\":\"display\",\"valueString\":\"" + CODE_SERVER_NAME + query.get("code") + "\"}"
                        : "";
                var body = ("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"result\",\"valueBoolean\":"
                                + valid + "}" + display + "]}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock that tests can move forward (to see scheduled publications take effect). */
    public static final class MutableClock extends Clock {
        private final ZoneId zone = ZoneId.of("Europe/Stockholm");
        private volatile Duration offset = Duration.ZERO;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.offset(Clock.system(other), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        /**
         * The code server's suggestions as the editor pages ask for them (same origin, as through the gateway): ICF
         * d450 "Gå" for a query it starts, nothing otherwise.
         */
        @Bean
        org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse>
                fakeCodeSuggestions() {
            return org.springframework.web.servlet.function.RouterFunctions.route()
                    .GET(FAKE_SUGGEST_PATH, request -> {
                        var query = request.param("q").orElse("").toLowerCase(java.util.Locale.ROOT);
                        var hits = "d450".startsWith(query)
                                        && "icf".equals(request.param("system").orElse(""))
                                ? java.util.List.of(java.util.Map.of("code", "d450", "display", "Gå"))
                                : java.util.List.of();
                        return org.springframework.web.servlet.function.ServerResponse.ok()
                                .body(java.util.Map.of(
                                        "query",
                                        query,
                                        "groups",
                                        java.util.List.of(java.util.Map.of(
                                                "slug", "icf", "title", "ICF", "total", hits.size(), "hits", hits))));
                    })
                    .build();
        }

        /** The demo page users of the suite's authorization server, for the form login of the pages in tests. */
        @Bean
        org.springframework.security.core.userdetails.UserDetailsService pageUsers() {
            return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                    org.springframework.security.core.userdetails.User.withUsername("editor")
                            .password("{noop}editor-password")
                            .authorities("SCOPE_fmb.write")
                            .build(),
                    org.springframework.security.core.userdetails.User.withUsername("reviewer")
                            .password("{noop}reviewer-password")
                            .authorities("SCOPE_fmb.review")
                            .build());
        }
    }
}
