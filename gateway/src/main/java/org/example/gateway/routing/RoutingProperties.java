package org.example.gateway.routing;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Base URLs of the services behind the gateway. */
@Validated
@ConfigurationProperties("gateway.services")
record RoutingProperties(
        @NotNull @DefaultValue("http://localhost:8081") URI fmb,
        @NotNull @DefaultValue("http://localhost:8082") URI codeserver,
        @NotNull @DefaultValue("http://localhost:8083") URI hosp,
        @NotNull @DefaultValue("http://localhost:8084") URI deathCertificates) {}
