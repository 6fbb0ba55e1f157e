package org.example.reactivetrial.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The suite's issuer as the trial accepts it: its keys ({@code /oauth2/jwks} of the suite's gateway), the
 * {@code iss} its tokens carry, how long and how many validated tokens are remembered, and the browser origins
 * allowed by CORS.
 */
@ConfigurationProperties("trial.access")
record AccessProperties(
        URI jwkSetUri, String issuer, long maximumTokens, Duration tokenTimeToLive, List<String> corsAllowedOrigins) {}
