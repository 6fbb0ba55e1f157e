package org.example.reactivetrial.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.example.reactivetrial.ProblemAnswers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client, counted after the token is checked: by the token's subject, or by the caller's address
 * for a request without a token. Over budget: 429 problem+json with {@code Retry-After}. The buckets are Bucket4j's,
 * <strong>in this process's memory</strong> (enough for the trial's cost per request; the suite's gateway keeps them
 * in PostgreSQL and synchronises every 20 requests or 200 ms, which its {@code bench/gateway/limits.sh} measures).
 * Registered in the security chain only: a {@code WebFilter} bean would run on every request of the application.
 */
@Component
public class RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final LimitProperties properties;

    RateLimits(LimitProperties properties) {
        this.properties = properties;
    }

    /** A {@code WebFilter} of the security chain, after the token is checked. */
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(token -> "client " + token.getName())
                .defaultIfEmpty("")
                .flatMap(client -> {
                    var anonymous = client.isEmpty();
                    var key = anonymous ? "address " + address(exchange) : client;
                    var capacity = anonymous ? properties.anonymousCapacity() : properties.clientCapacity();
                    var bucket = buckets.get(key, ignored -> newBucket(capacity));
                    var probe = bucket.tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        return chain.filter(exchange);
                    }
                    var seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    return ProblemAnswers.write(
                            exchange, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", "The rate limit is spent.");
                });
    }

    private Bucket newBucket(long capacity) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, properties.period()))
                .build();
    }

    private static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
