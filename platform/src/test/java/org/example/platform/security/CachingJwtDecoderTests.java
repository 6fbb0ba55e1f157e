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
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        var clock = new MutableClock(NOW);
        var decoder = new CachingJwtDecoder(delegate, 100, Duration.ofHours(1), clock);
        decoder.decode("token-a");

        clock.now = NOW.plusSeconds(600);

        assertThatThrownBy(() -> decoder.decode("token-a"))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
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
