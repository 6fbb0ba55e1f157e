package org.example.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every gateway test context gets unless it says otherwise, as the environment variables an operator would set
 * (so a test's own properties still win): the issuer's key store, and a token-endpoint budget large enough for the
 * JVM's test classes together, which share the rate-limit buckets as replicas do (one database).
 */
public class TestEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "gatewayTestEnvironment",
                        Map.of(
                                "ISSUER_KEYSTORE",
                                IssuerKeyStores.shared().toString(),
                                "ISSUER_KEYSTORE_PASSWORD",
                                IssuerKeyStores.PASSWORD,
                                "RATE_LIMIT_TOKEN_ENDPOINT_PER_MINUTE",
                                "100000")));
    }
}
