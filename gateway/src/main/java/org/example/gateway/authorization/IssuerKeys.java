package org.example.gateway.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The issuer's signing keys, read from a PKCS#12 key store named by configuration: every RSA key in the store is
 * published in the JWK set (its alias is its {@code kid}), and tokens are signed with the configured key or, when none
 * is configured, with the key whose certificate is newest. Every gateway replica reads the same store, so each issues
 * and accepts the same tokens; rotating means adding a key, waiting one token lifetime, and removing the old one.
 */
record IssuerKeys(JWKSet keys, String signingKeyId) {

    static IssuerKeys load(AuthorizationServerProperties.KeyStore store) {
        if (store.location() == null || store.location().isBlank()) {
            throw new IllegalStateException("The gateway's issuer has no signing keys: set ISSUER_KEYSTORE to a PKCS#12"
                    + " key store and ISSUER_KEYSTORE_PASSWORD to its password (docs/deployment.md, key rotation),"
                    + " or trust an external issuer with the Spring profile external-issuer");
        }
        var path = Path.of(store.location());
        var password = store.password() == null ? new char[0] : store.password().toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            var keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            var keys = new ArrayList<RSAKey>();
            var certificates = new ArrayList<X509Certificate>();
            for (var alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias)
                        && keyStore.getCertificate(alias) instanceof X509Certificate certificate
                        && "RSA".equals(certificate.getPublicKey().getAlgorithm())) {
                    keys.add(RSAKey.load(keyStore, alias, password));
                    certificates.add(certificate);
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("The issuer's key store " + path + " holds no RSA key");
            }
            var signing = store.signingKey();
            if (signing == null || signing.isBlank()) {
                var newest = IntStream.range(0, keys.size())
                        .boxed()
                        .max(Comparator.comparing(i -> certificates.get(i).getNotBefore()))
                        .orElseThrow();
                signing = keys.get(newest).getKeyID();
            } else if (keys.stream().noneMatch(key -> key.getKeyID().equals(store.signingKey()))) {
                throw new IllegalStateException(
                        "The issuer's key store " + path + " has no RSA key with alias " + store.signingKey());
            }
            return new IssuerKeys(new JWKSet(List.<JWK>copyOf(keys)), signing);
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Could not read the issuer's key store " + path + ": " + e.getMessage(), e);
        }
    }
}
