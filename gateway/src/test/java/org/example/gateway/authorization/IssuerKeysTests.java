package org.example.gateway.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.example.gateway.IssuerKeyStores;
import org.junit.jupiter.api.Test;

class IssuerKeysTests {

    static final Instant NOW = Instant.now();
    static final String STORE = IssuerKeyStores.create(Map.of(
                    "previous", NOW.minus(Duration.ofDays(90)), "current", NOW, "next", NOW.minus(Duration.ofDays(1))))
            .toString();

    @Test
    void publishesEveryKeyOfTheStoreAndSignsWithTheNewest() {
        var keys = IssuerKeys.load(new AuthorizationServerProperties.KeyStore(STORE, IssuerKeyStores.PASSWORD, null));

        assertThat(keys.keys().getKeys())
                .extracting(key -> key.getKeyID())
                .containsExactlyInAnyOrder("previous", "current", "next");
        assertThat(keys.keys().toPublicJWKSet().getKeys()).noneMatch(key -> key.isPrivate());
        assertThat(keys.signingKeyId()).isEqualTo("current");
    }

    @Test
    void signsWithTheConfiguredKey() {
        var keys = IssuerKeys.load(
                new AuthorizationServerProperties.KeyStore(STORE, IssuerKeyStores.PASSWORD, "previous"));

        assertThat(keys.signingKeyId()).isEqualTo("previous");
    }

    @Test
    void refusesToStartWithoutAKeyStoreAndSaysWhatToSet() {
        assertThatThrownBy(() -> IssuerKeys.load(new AuthorizationServerProperties.KeyStore(null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ISSUER_KEYSTORE")
                .hasMessageContaining("external-issuer");
    }

    @Test
    void refusesAnUnknownSigningKeyAndAWrongPassword() {
        assertThatThrownBy(() -> IssuerKeys.load(
                        new AuthorizationServerProperties.KeyStore(STORE, IssuerKeyStores.PASSWORD, "retired")))
                .hasMessageContaining("no RSA key with alias retired");
        assertThatThrownBy(() -> IssuerKeys.load(new AuthorizationServerProperties.KeyStore(STORE, "wrong", null)))
                .hasMessageContaining("Could not read the issuer's key store");
    }
}
