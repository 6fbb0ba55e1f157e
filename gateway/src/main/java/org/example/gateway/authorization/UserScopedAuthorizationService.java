package org.example.gateway.authorization;

import java.util.LinkedHashSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps authorizations in the gateway's database (Spring Authorization Server's {@code JdbcOAuth2AuthorizationService},
 * so an authorization code issued by one replica is redeemed at another) and narrows what a person's authorization grants to the scopes that
 * person holds: an editor's login for the FMB pages asks for {@code fmb.write fmb.review}, but only
 * {@code fmb.write} is granted, in the token response and in the token alike.
 */
class UserScopedAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService authorizations;
    private final AuthorizationServerProperties properties;

    UserScopedAuthorizationService(
            OAuth2AuthorizationService authorizations, AuthorizationServerProperties properties) {
        this.authorizations = authorizations;
        this.properties = properties;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        authorizations.save(narrowed(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return authorizations.findByToken(token, tokenType);
    }

    private OAuth2Authorization narrowed(OAuth2Authorization authorization) {
        if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(authorization.getAuthorizationGrantType())) {
            return authorization;
        }
        var user = properties.users().get(authorization.getPrincipalName());
        var granted = new LinkedHashSet<String>();
        for (var scope : authorization.getAuthorizedScopes()) {
            if (OidcScopes.OPENID.equals(scope)
                    || OidcScopes.PROFILE.equals(scope)
                    || (user != null && user.scopes().contains(scope))) {
                granted.add(scope);
            }
        }
        if (granted.equals(authorization.getAuthorizedScopes())) {
            return authorization;
        }
        return OAuth2Authorization.from(authorization).authorizedScopes(granted).build();
    }
}
