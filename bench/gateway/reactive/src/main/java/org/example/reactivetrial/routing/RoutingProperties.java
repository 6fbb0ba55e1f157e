package org.example.reactivetrial.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The base URL of each service by its audience ({@code fmb}, {@code codeserver}, {@code hosp},
 * {@code death-certificates}), and the largest request body.
 */
@ConfigurationProperties("trial.routing")
record RoutingProperties(Map<String, URI> services, DataSize maxRequestSize) {}
