package org.example.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final List<String> validated = new ArrayList<>();

    private final JwtDecoder delegate = token -> {
        validated.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("webcert")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(600))
                .build();
    };

    @Test
    void aTokenSeenBeforeIsNotValidatedAgain() {
        var decoder = new CachingJwtDecoder(delegate, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

        var first = decoder.decode("token-a");
        var second = decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(validated).containsExactly("token-a", "token-b");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        var decoder = new CachingJwtDecoder(delegate, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(validated).containsExactly("forged-1", "forged-1");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpiredBeyondTheClockSkew() {
        var clock = new MutableClock(NOW);
        var decoder = new CachingJwtDecoder(delegate, 100, Duration.ofHours(1), clock);
        decoder.decode("token-a");

        clock.now = NOW.plusSeconds(600).plus(CachingJwtDecoder.CLOCK_SKEW);
        assertThat(decoder.decode("token-a").getSubject()).isEqualTo("webcert");

        clock.now = clock.now.plusSeconds(1);
        assertThatThrownBy(() -> decoder.decode("token-a"))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aTokenJustPastItsExpiryIsAnsweredAlikeWhetherRememberedOrNot() {
        var clock = new MutableClock(NOW);
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        JwtDecoder checkingTime = token -> {
            var jwt = delegate.decode(token);
            var result = timestamps.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("invalid", result.getErrors());
            }
            return jwt;
        };
        var remembering = new CachingJwtDecoder(checkingTime, 100, Duration.ofHours(1), clock);
        remembering.decode("token-a");

        for (var pastExpiry : List.of(1, 30, 59, 60, 61, 120)) {
            clock.now = NOW.plusSeconds(600 + pastExpiry);
            var fresh = new CachingJwtDecoder(checkingTime, 100, Duration.ofHours(1), clock);
            var firstSight = accepts(fresh, "token-a");
            // the same answer on every call, not accepted and refused in turn
            assertThat(List.of(accepts(remembering, "token-a"), accepts(remembering, "token-a")))
                    .as("%d s past expiry", pastExpiry)
                    .containsExactly(firstSight, firstSight);
        }
    }

    private static boolean accepts(JwtDecoder decoder, String token) {
        try {
            decoder.decode(token);
            return true;
        } catch (JwtException refused) {
            return false;
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
