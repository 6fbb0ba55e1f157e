package org.example.gateway.routing;

import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway: one per replica, comma-separated in the environment
 * ({@code FMB_URL=http://fmb-1:8081,http://fmb-2:8081}).
 */
@Validated
@ConfigurationProperties("gateway.services")
record RoutingProperties(
        @NotEmpty @DefaultValue("http://localhost:8081") List<URI> fmb,
        @NotEmpty @DefaultValue("http://localhost:8082") List<URI> codeserver,
        @NotEmpty @DefaultValue("http://localhost:8083") List<URI> hosp,
        @NotEmpty @DefaultValue("http://localhost:8084") List<URI> deathCertificates) {

    /** The replicas of the service with the given route id. */
    List<URI> replicas(String service) {
        return switch (service) {
            case RoutingConfiguration.FMB -> fmb;
            case RoutingConfiguration.CODESERVER -> codeserver;
            case RoutingConfiguration.HOSP -> hosp;
            case RoutingConfiguration.DEATH_CERTIFICATES -> deathCertificates;
            default -> throw new IllegalArgumentException("No service " + service);
        };
    }
}
