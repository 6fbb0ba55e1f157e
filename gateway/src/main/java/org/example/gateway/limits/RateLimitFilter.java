package org.example.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.example.platform.security.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket rate limiting (Bucket4j). After token validation: per client, identified by the token's subject, or
 * per address for callers without a token. Around it: per address, the requests whose token failed validation
 * ({@link #countingInvalidTokens}, {@link #invalidTokenBarrier}) and the calls of the token endpoint
 * ({@link #tokenEndpoint}). Over a budget: 429 problem+json with {@code Retry-After}. Buckets live in this instance;
 * behind several gateway instances each holds its own share.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String CLIENT = "client:";
    private static final String ADDRESS = "address:";
    private static final String INVALID_TOKEN = "invalid-token:";
    private static final String TOKEN_ENDPOINT = "token-endpoint:";

    private static final Set<String> SECRET_CHECKING_ENDPOINTS = Set.of("/oauth2/token", "/oauth2/introspect",
            "/oauth2/revoke", "/oauth2/device_authorization");

    private final LimitProperties limits;
    private final ClientAddress addresses;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    RateLimitFilter(LimitProperties limits) {
        this.limits = limits;
        this.addresses = new ClientAddress(limits.trustedProxies());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var key = authentication instanceof JwtAuthenticationToken jwt ? CLIENT + jwt.getToken().getSubject()
                : ADDRESS + addresses.of(request);
        if (spend(key, request, response)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The refusal of a request whose token failed validation, counted first against its address: over the budget it
     * is 429 instead of 401. A request without a token is not counted here (the per-address budget has it).
     */
    public AuthenticationEntryPoint countingInvalidTokens(AuthenticationEntryPoint refusal) {
        return (request, response, failure) -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    || spend(INVALID_TOKEN + addresses.of(request), request, response)) {
                refusal.commence(request, response, failure);
            }
        };
    }

    /** Before any token is checked: an address that has spent its budget of invalid tokens gets 429 at once. */
    public Filter invalidTokenBarrier() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                    var failures = buckets.getIfPresent(INVALID_TOKEN + addresses.of(request));
                    if (failures != null && failures.getAvailableTokens() <= 0) {
                        refuse(failures.estimateAbilityToConsume(1).getNanosToWaitForRefill(), request, response);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** The budget per address of the endpoints that check client secrets, which bounds guessing them. */
    public Filter tokenEndpoint() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !SECRET_CHECKING_ENDPOINTS.contains(request.getRequestURI());
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (spend(TOKEN_ENDPOINT + addresses.of(request), request, response)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    /** Takes one request from the key's bucket; when it is empty, answers 429 and says so. */
    private boolean spend(String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var probe = buckets.get(key, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        refuse(probe.getNanosToWaitForRefill(), request, response);
        return false;
    }

    private static void refuse(long nanosToWait, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + 999_999_999));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                "Request budget exceeded; retry after " + retryAfter + " s.", request.getRequestURI());
    }

    private Bucket newBucket(String key) {
        LimitProperties.Budget budget;
        if (key.startsWith(CLIENT)) {
            budget = limits.clients().getOrDefault(key.substring(CLIENT.length()), limits.authenticated());
        } else if (key.startsWith(INVALID_TOKEN)) {
            budget = limits.invalidTokens();
        } else if (key.startsWith(TOKEN_ENDPOINT)) {
            budget = limits.tokenEndpoint();
        } else {
            budget = limits.anonymous();
        }
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget.capacity())
                        .refillGreedy(budget.capacity(), budget.period()).build())
                .build();
    }
}
