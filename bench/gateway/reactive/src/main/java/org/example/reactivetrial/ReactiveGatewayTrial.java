package org.example.reactivetrial;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reactive Spring Cloud Gateway (Netty) with what costs per request in the suite's gateway: routes with streamed
 * bodies, bearer tokens checked against the suite's JWKS, the suite's access lists, request ids, per-client rate
 * limits and the header firewall. A benchmark subject for {@code bench/gateway/side-by-side.sh} (issue 16), not a
 * part of the suite: it issues no tokens (Spring Authorization Server is servlet-only) and serves no pages of its own.
 * The platform jar is on the class path only for {@code SuiteAccess}; its servlet auto-configurations stay off.
 */
@SpringBootApplication(
        excludeName = {
            "org.example.platform.web.PlatformAutoConfiguration",
            "org.example.platform.security.TokenValidationAutoConfiguration",
            "org.example.platform.error.DatabaseUnavailableAutoConfiguration"
        })
@ConfigurationPropertiesScan
public class ReactiveGatewayTrial {

    public static void main(String[] args) {
        SpringApplication.run(ReactiveGatewayTrial.class, args);
    }
}
