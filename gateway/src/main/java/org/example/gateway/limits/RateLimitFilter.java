package org.example.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket rate limiting (Bucket4j) per client, identified by the token's subject, or per remote
 * address for anonymous callers. Over the budget: 429 problem+json with {@code Retry-After}.
 * Buckets live in this instance; behind several gateway instances each holds its own share.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private final LimitProperties limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimitFilter(LimitProperties limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var key = callerKey(request);
        var bucket = buckets.get(key, this::newBucket);
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        var retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                "Request budget exceeded; retry after " + retryAfter + " s.", request.getRequestURI());
    }

    private static String callerKey(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return "client:" + jwt.getToken().getSubject();
        }
        return "address:" + request.getRemoteAddr();
    }

    private Bucket newBucket(String key) {
        LimitProperties.Budget budget;
        if (key.startsWith("client:")) {
            budget = limits.clients().getOrDefault(key.substring("client:".length()), limits.authenticated());
        } else {
            budget = limits.anonymous();
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period()).build())
                .build();
    }
}
