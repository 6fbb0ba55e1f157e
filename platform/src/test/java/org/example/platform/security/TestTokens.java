package org.example.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Real signed JWTs for tests, shaped like the suite's issuer makes them (client id as subject, scopes
 * in {@code scope}, the services those scopes are for in {@code aud}, {@code actor_type} and {@code organisation}
 * claims). Import {@link Config} so the
 * service under test checks signatures against this key instead of the gateway's JWK set.
 */
public final class TestTokens {

    private static final RSAKey KEY = generate();

    private TestTokens() {}

    /** A bearer header value for a client with the given scopes and no actor type. */
    public static String bearer(String clientId, String... scopes) {
        return "Bearer " + token(clientId, null, null, scopes);
    }

    /** A bearer header value for a client of a kind of actor (HoSp access rules). */
    public static String bearer(String clientId, String actorType, String organisation, String... scopes) {
        return "Bearer " + token(clientId, actorType, organisation, scopes);
    }

    public static String token(String clientId, String actorType, String organisation, String... scopes) {
        var now = Instant.now();
        var claims = JwtClaimsSet.builder()
                .issuer("http://localhost:8080")
                .subject(clientId)
                .claim("client_id", clientId)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("scope", String.join(" ", Arrays.asList(scopes)));
        var audiences = SuiteAccess.audiencesOf(Arrays.asList(scopes));
        if (!audiences.isEmpty()) {
            claims.audience(List.copyOf(audiences));
        }
        if (actorType != null) {
            claims.claim("actor_type", actorType);
        }
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        var encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(KEY)));
        return encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
    }

    private static RSAKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID("test-key")
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes the service under test trust {@link TestTokens}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        JwtDecoder testJwtDecoder() throws Exception {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        }
    }
}
