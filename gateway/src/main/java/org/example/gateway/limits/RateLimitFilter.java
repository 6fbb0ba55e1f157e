package org.example.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.example.platform.security.CachingJwtDecoder;
import org.example.platform.security.HeaderBearerTokenResolver;
import org.example.platform.security.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token-bucket rate limiting (Bucket4j). After token validation: per client, identified by the token's subject, or
 * per address for callers without a token. A request whose token fails validation counts as one without a token: it
 * is taken from its address's budget before it is refused ({@link #countingInvalidTokens}), and while that budget is
 * spent, a token this gateway has not validated before gets 429 without being checked ({@link #invalidTokenBarrier}).
 * The token endpoint has a budget per address of its own ({@link #tokenEndpoint}). Over a budget: 429 problem+json
 * with {@code Retry-After}. The buckets are shared by every gateway replica through the gateway's database
 * ({@link SharedBuckets}); this replica keeps its view of the buckets in use.
 */
@Component
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Log log = LogFactory.getLog(RateLimitFilter.class);
    private static final Set<String> SECRET_CHECKING_ENDPOINTS =
            Set.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke", "/oauth2/device_authorization");

    private final LimitProperties limits;
    private final SharedBuckets shared;
    private final ClientAddress addresses;
    /** One bucket per client subject; per address without a valid token; per address at the token endpoint. */
    private final Cache<String, Bucket> clients = buckets();

    private final Cache<String, Bucket> anonymous = buckets();
    private final Cache<String, Bucket> tokenEndpoint = buckets();
    private final ObjectProvider<JwtDecoder> decoder;

    RateLimitFilter(LimitProperties limits, SharedBuckets shared, ObjectProvider<JwtDecoder> decoder) {
        this.limits = limits;
        this.shared = shared;
        this.decoder = decoder;
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
        var allowed = authentication instanceof JwtAuthenticationToken jwt
                ? spend(clients, jwt.getToken().getSubject(), request, response)
                : spend(anonymous, addresses.of(request), request, response);
        if (allowed) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The refusal of a request whose token failed validation, counted first against its address's budget: over the
     * budget it is 429 instead of 401. A request without a token is counted after authentication, as usual.
     */
    public AuthenticationEntryPoint countingInvalidTokens(AuthenticationEntryPoint refusal) {
        return (request, response, failure) -> {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                    || spend(anonymous, addresses.of(request), request, response)) {
                refusal.commence(request, response, failure);
            }
        };
    }

    /**
     * Before any token is checked: while an address has spent its budget, a token from it that this gateway has not
     * validated before gets 429 at once, so a flood of forged tokens costs no signature checks. Tokens already
     * validated (remembered by the platform's {@link CachingJwtDecoder}) pass and are counted per client.
     */
    public Filter invalidTokenBarrier() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
                if (authorization != null) {
                    var budget = anonymous.getIfPresent(addresses.of(request));
                    if (budget != null && spent(budget) && !remembered(authorization)) {
                        refuse(budget.estimateAbilityToConsume(1).getNanosToWaitForRefill(), request, response);
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean spent(Bucket budget) {
        try {
            return budget.getAvailableTokens() <= 0;
        } catch (RuntimeException unavailable) {
            return false; // as in spend: no shared buckets, no limit
        }
    }

    private boolean remembered(String authorization) {
        var token = HeaderBearerTokenResolver.plainToken(authorization);
        return token != null && decoder.getIfAvailable() instanceof CachingJwtDecoder cache && cache.remembers(token);
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
                if (spend(tokenEndpoint, addresses.of(request), request, response)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    /** Takes one request from the key's bucket; when it is empty, answers 429 and says so. */
    private boolean spend(
            Cache<String, Bucket> buckets, String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ConsumptionProbe probe;
        try {
            probe = buckets.get(key, k -> newBucket(buckets, k)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException unavailable) {
            // the shared buckets' database is unreachable: the services stay reachable, unlimited, until it is back
            log.warn("Rate limits not applied: the gateway's database is unavailable (" + unavailable + ")");
            return true;
        }
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
        ProblemResponses.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too Many Requests",
                "Request budget exceeded; retry after " + retryAfter + " s.",
                request.getRequestURI());
    }

    private Bucket newBucket(Cache<String, Bucket> buckets, String key) {
        if (buckets == clients) {
            return shared.of("client", limits.clients().getOrDefault(key, limits.authenticated()), key);
        } else if (buckets == tokenEndpoint) {
            return shared.of("token-endpoint", limits.tokenEndpoint(), key);
        }
        return shared.of("address", limits.anonymous(), key);
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }
}
