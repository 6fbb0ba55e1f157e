package org.example.gateway.authorization;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local issuer: its URL, how long tokens live, the registered clients (one per kind of caller) and
 * the people who may log in to the editor pages. Secrets and passwords carry a Spring Security
 * password-encoder prefix such as {@code {noop}} or {@code {bcrypt}}.
 */
@ConfigurationProperties("gateway.authorization-server")
record AuthorizationServerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("PT15M") Duration tokenTimeToLive,
        @DefaultValue Map<String, Client> clients,
        @DefaultValue Map<String, User> users,
        @DefaultValue KeyStore keyStore) {

    /**
     * The issuer's signing keys: a PKCS#12 key store (path and password) whose RSA keys are all published; tokens are
     * signed with {@code signingKey} (an alias) or, without it, with the key whose certificate is newest.
     */
    record KeyStore(String location, String password, String signingKey) {}

    /** A registered client; without redirect URIs it may only use the client-credentials grant. */
    record Client(
            String secret,
            @DefaultValue List<String> scopes,
            String actorType,
            String organisation,
            @DefaultValue List<String> redirectUris) {}

    /** A person who logs in to a web page of the suite; scopes are the most their tokens may carry. */
    record User(String password, @DefaultValue List<String> scopes) {}
}
