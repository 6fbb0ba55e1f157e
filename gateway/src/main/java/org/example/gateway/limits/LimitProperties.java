package org.example.gateway.limits;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets (token bucket: {@code capacity} requests, refilled over {@code period}): per client with a valid
 * token ({@code clients} overrides named clients), per address without a valid token (a request whose token fails
 * validation counts here too), and per address at the token endpoint (secret guessing). The client address is the
 * direct peer's, or the {@code X-Forwarded-For} address its proxy saw when the peer is one of {@code trustedProxies}
 * (addresses or CIDR ranges). The body-size limit is the platform's {@code platform.web.max-request-size}.
 */
@Validated
@ConfigurationProperties("gateway.limits")
record LimitProperties(
        @DefaultValue Budget authenticated,
        @DefaultValue Budget anonymous,
        @DefaultValue({"30", "1m"}) Budget tokenEndpoint,
        @DefaultValue Map<String, Budget> clients,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue Synchronization synchronization) {

    /**
     * How often a replica's view of a bucket is brought in line with the shared one in PostgreSQL: after at most
     * {@code maxUnsynchronizedRequests} requests counted locally, or {@code maxUnsynchronizedTime}, whichever comes
     * first. With R replicas a budget of N lets at most N + R x maxUnsynchronizedRequests through per period; 0 means
     * every request is counted in the database (exact, one round trip each).
     */
    record Synchronization(
            @DefaultValue("20") @Min(0) long maxUnsynchronizedRequests,
            @DefaultValue("200ms") Duration maxUnsynchronizedTime) {}

    record Budget(
            @DefaultValue("1000") @Min(1) long capacity,
            @DefaultValue("1s") Duration period) {}
}
