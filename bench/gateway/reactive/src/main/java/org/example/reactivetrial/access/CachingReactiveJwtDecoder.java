package org.example.reactivetrial.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The platform's {@code CachingJwtDecoder}, reactive: a token validated once is remembered by its exact text, so a
 * client reusing its token pays for the signature check once, as at the suite's gateway. Any other text, a forged
 * token included, is validated in full; a remembered token is refused the moment it expires.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> validated;
    private final Clock clock;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, long maximumTokens, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfterWrite(timeToLive)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        var jwt = validated.getIfPresent(token);
        if (jwt == null) {
            return delegate.decode(token).doOnNext(valid -> validated.put(token, valid));
        }
        if (jwt.getExpiresAt() != null && !clock.instant().isBefore(jwt.getExpiresAt())) {
            validated.invalidate(token);
            return Mono.error(new JwtValidationException(
                    "The token has expired",
                    List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Jwt expired", null))));
        }
        return Mono.just(jwt);
    }
}
