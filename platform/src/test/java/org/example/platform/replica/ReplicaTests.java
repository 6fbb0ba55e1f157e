package org.example.platform.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.example.platform.security.ResourceServer;
import org.example.platform.security.SuiteAccess;
import org.example.platform.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Two replicas of an application over real HTTP: each on a port of its own, trusting the test tokens, closed after. */
class ReplicaTests {

    private static final String PATH = "/hosp/api/v1/persons/replica";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void startsEachReplicaOnAPortOfItsOwnWithItsPropertiesTrustingTheTestTokensAndFreesThePortWhenClosed()
            throws Exception {
        String closedUrl;
        try (var first = Replica.start(
                        App.class, "suite.embedded-database.enabled=false", "spring.application.name=replica-test");
                var second = Replica.start(App.class, "suite.embedded-database.enabled=false")) {
            assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
            for (var replica : List.of(first, second)) {
                var answer = get(replica.baseUrl(), TestTokens.bearer("region-skane", "hosp.read"));
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("a replica");
                assertThat(get(replica.baseUrl(), null).statusCode()).isEqualTo(401);
            }
            assertThat(first.context().getEnvironment().getProperty("spring.application.name"))
                    .isEqualTo("replica-test");
            assertThat(first.context().containsBean("otherTestsBean"))
                    .as("another test class's configuration in the replica's scan")
                    .isFalse();
            closedUrl = first.baseUrl();
        }
        assertThatThrownBy(() -> get(closedUrl, null)).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> get(String baseUrl, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + PATH));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Scans its package as {@code @SpringBootApplication} does, where {@link OtherTestsConfiguration} also stands. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    @Import(StandIn.class)
    static class App {

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
            return ResourceServer.protect(http, SuiteAccess.HOSP).build();
        }
    }

    @RestController
    static class StandIn {

        @GetMapping(PATH)
        String replica() {
            return "a replica";
        }
    }

    /** Another test class's configuration: a {@code @SpringBootTest} leaves it out, and so must a replica. */
    @Configuration(proxyBeanMethods = false)
    static class OtherTestsConfiguration {

        @Bean
        String otherTestsBean() {
            return "not for the replica";
        }
    }
}
