package org.example.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens it has already validated, so that a client calling many times with the same token pays for
 * the signature check (and the key's decoding) once rather than on every request. The key is the whole token: any
 * other string, a forged one included, is validated in full. A remembered token is refused once it has expired by
 * more than the clock skew that the validator allows a token it sees for the first time ({@link #CLOCK_SKEW}, Spring
 * Security's {@code JwtTimestampValidator} default), so that a token is accepted or refused alike whether or not this
 * process has seen it before; it is forgotten after {@code timeToLive} at the latest.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    /** The tolerance for clocks that differ between the issuer and this process: {@code JwtTimestampValidator}'s. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder delegate;
    private final Cache<String, Jwt> validated;
    private final Clock clock;

    public CachingJwtDecoder(JwtDecoder delegate, long maximumTokens, Duration timeToLive, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.validated = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfterWrite(timeToLive)
                .build();
    }

    /** Whether this exact token was validated and is still remembered (it may have expired since). */
    public boolean remembers(String token) {
        return validated.getIfPresent(token) != null;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var jwt = validated.getIfPresent(token);
        if (jwt == null) {
            jwt = delegate.decode(token);
            validated.put(token, jwt);
            return jwt;
        }
        if (jwt.getExpiresAt() != null
                && clock.instant().isAfter(jwt.getExpiresAt().plus(CLOCK_SKEW))) {
            validated.invalidate(token);
            throw new JwtValidationException(
                    "The token has expired",
                    List.of(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "Jwt expired", null)));
        }
        return jwt;
    }
}
