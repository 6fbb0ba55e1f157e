package org.example.gateway.authorization;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.example.gateway.limits.RateLimitFilter;
import org.example.platform.security.SuiteAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server inside the gateway: {@code POST /oauth2/token} (client credentials),
 * {@code /oauth2/authorize} (authorization code, for the editor pages), {@code /oauth2/jwks} and the
 * discovery documents. Switched off with {@code gateway.authorization-server.enabled=false} when the
 * suite trusts an external issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.authorization-server.enabled", matchIfMissing = true)
class AuthorizationServerConfiguration {

    static final String ACTOR_TYPE_CLAIM = "actor_type";
    static final String ORGANISATION_CLAIM = "organisation";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, RateLimitFilter rateLimits) throws Exception {
        var authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                // counted per address before the client's secret is checked: guessing secrets is slow
                .addFilterBefore(rateLimits.tokenEndpoint(), AbstractPreAuthenticatedProcessingFilter.class)
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(AuthorizationServerProperties properties) {
        var tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.tokenTimeToLive())
                .build();
        var clients = properties.clients().entrySet().stream()
                .map(entry -> {
                    var client = entry.getValue();
                    var builder = RegisteredClient.withId(entry.getKey())
                            .clientId(entry.getKey())
                            .clientSecret(client.secret())
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                            .scopes(scopes -> scopes.addAll(client.scopes()))
                            .tokenSettings(tokens)
                            .clientSettings(ClientSettings.builder()
                                    .requireAuthorizationConsent(false)
                                    .build());
                    if (client.redirectUris().isEmpty()) {
                        builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
                    } else {
                        builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                                .scope(OidcScopes.OPENID)
                                .scope(OidcScopes.PROFILE)
                                .redirectUris(uris -> uris.addAll(client.redirectUris()));
                    }
                    return builder.build();
                })
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Authorizations live in the gateway's database, shared by its replicas; a person's login grants only the scopes
     * that person holds, whatever the page asked for.
     */
    @Bean
    OAuth2AuthorizationService authorizations(
            JdbcTemplate jdbc, RegisteredClientRepository clients, AuthorizationServerProperties properties) {
        return new UserScopedAuthorizationService(new JdbcOAuth2AuthorizationService(jdbc, clients), properties);
    }

    @Bean
    UserDetailsService users(AuthorizationServerProperties properties) {
        var users = properties.users().entrySet().stream()
                .map(entry -> User.withUsername(entry.getKey())
                        .password(entry.getValue().password())
                        .authorities(entry.getValue().scopes().stream()
                                .map(SimpleGrantedAuthority::new)
                                .toList())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Access tokens name in {@code aud} the services their scopes are for (each service refuses a token not meant for
     * it); client-credentials tokens also carry the caller's actor type and organisation. ID tokens keep the client
     * as their audience, so no service takes them. Every token is signed with the issuer's current key.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> suiteClaims(AuthorizationServerProperties properties, IssuerKeys keys) {
        return context -> {
            // every token names the key it is signed with: the store may hold the next and the previous key as well
            context.getJwsHeader().keyId(keys.signingKeyId());
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            Set<String> scopes = context.getAuthorizedScopes();
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                var client =
                        properties.clients().get(context.getRegisteredClient().getClientId());
                if (scopes.isEmpty()) {
                    // no scope asked for: the client gets every scope registered for it (RFC 6749 §3.3 default)
                    scopes = context.getRegisteredClient().getScopes();
                    context.getClaims().claim("scope", new LinkedHashSet<>(scopes));
                }
                if (client != null && client.actorType() != null) {
                    context.getClaims().claim(ACTOR_TYPE_CLAIM, client.actorType());
                }
                if (client != null && client.organisation() != null) {
                    context.getClaims().claim(ORGANISATION_CLAIM, client.organisation());
                }
            }
            var audiences = SuiteAccess.audiencesOf(scopes);
            if (!audiences.isEmpty()) {
                // a plain ArrayList: the claims are stored with the authorization, and the store reads back only the
                // collection types Spring Security allows (not List.copyOf's)
                context.getClaims().audience(new ArrayList<>(audiences));
            }
        };
    }

    @Bean
    IssuerKeys issuerKeys(AuthorizationServerProperties properties) {
        return IssuerKeys.load(properties.keyStore());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IssuerKeys keys) {
        return new ImmutableJWKSet<>(keys.keys());
    }

    /** The gateway checks the tokens it issued itself without a round trip to its own JWK endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }
}
