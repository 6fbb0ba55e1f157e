package org.example.platform.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The cache of validated tokens ({@link CachingJwtDecoder}) that every service and the gateway put in front of their
 * token decoder: on or off, how many tokens it remembers, and for how long at most.
 */
@Validated
@ConfigurationProperties("platform.security.token-cache")
public record TokenCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10000") @Min(1) long maximumTokens,
        @DefaultValue("5m") Duration timeToLive) {}
