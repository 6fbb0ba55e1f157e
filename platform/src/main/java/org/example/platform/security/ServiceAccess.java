package org.example.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what on one service: its access list, read top to bottom (the first rule whose method and path
 * match decides; a request no rule matches is refused), and the audience its tokens must name. The service
 * ({@link ResourceServer#protect}) and the gateway install the very same decision, {@link #atService()} and
 * {@link #atGateway()}, which differ only for {@link AccessRule.Kind#OWN_LOGIN} pages.
 * <p>
 * A bearer token whose {@code aud} does not name this service is refused on every path of it, open ones included:
 * an ID token of a web page, or a token issued for another service, is not a key to this one.
 */
public final class ServiceAccess {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final String audience;
    private final String scopeNamespace;
    private final List<String> routes;
    private final List<AccessRule> rules;
    private final AccessRule.Compiled[] compiled;

    /**
     * @param audience       the name tokens for this service carry in {@code aud}
     * @param scopeNamespace the prefix of this service's scopes ({@code hosp} for {@code hosp.read})
     * @param routes         the path patterns the gateway routes to this service
     * @param rules          the access list
     */
    public ServiceAccess(String audience, String scopeNamespace, List<String> routes, List<AccessRule> rules) {
        this.audience = audience;
        this.scopeNamespace = scopeNamespace;
        this.routes = List.copyOf(routes);
        this.rules = List.copyOf(rules);
        this.compiled = rules.stream().map(AccessRule::compile).toArray(AccessRule.Compiled[]::new);
    }

    public String audience() {
        return audience;
    }

    public List<String> routes() {
        return routes;
    }

    public List<AccessRule> rules() {
        return rules;
    }

    /**
     * The paths of the service's pages with a login of their own: the gateway passes them on untouched, and the
     * service's page chain matches exactly these (its {@code securityMatcher}), so the two cannot drift apart.
     */
    public String[] ownLoginPatterns() {
        return rules.stream()
                .filter(rule -> rule.kind() == AccessRule.Kind.OWN_LOGIN)
                .flatMap(rule -> rule.patterns().stream())
                .toArray(String[]::new);
    }

    /** Whether a scope belongs to this service, so that a token carrying it is issued for this service. */
    public boolean owns(String scope) {
        return scope.length() > scopeNamespace.length()
                && scope.startsWith(scopeNamespace)
                && scope.charAt(scopeNamespace.length()) == '.';
    }

    /** The decision the service itself makes. */
    public AuthorizationManager<RequestAuthorizationContext> atService() {
        return new Decision(false);
    }

    /** The decision the gateway makes for requests it routes to this service. */
    public AuthorizationManager<RequestAuthorizationContext> atGateway() {
        return new Decision(true);
    }

    /** Whether the request may pass; at the gateway, pages with their own login pass on to the service. */
    public boolean allows(Authentication authentication, HttpServletRequest request, boolean atGateway) {
        if (authentication instanceof JwtAuthenticationToken token
                && !names(token.getToken().getClaims().get(JwtClaimNames.AUD))) {
            return false;
        }
        for (var rule : compiled) {
            if (rule.matches(request)) {
                return switch (rule.rule().kind()) {
                    case OPEN -> true;
                    case SCOPES -> rule.grantsAnyOf(authentication);
                    case DENY -> false;
                    case OWN_LOGIN -> atGateway;
                };
            }
        }
        return false;
    }

    private boolean names(Object aud) {
        if (aud instanceof Collection<?> audiences) {
            return audiences.contains(audience);
        }
        return audience.equals(aud);
    }

    @Override
    public String toString() {
        return audience;
    }

    private final class Decision implements AuthorizationManager<RequestAuthorizationContext> {

        private final boolean atGateway;

        Decision(boolean atGateway) {
            this.atGateway = atGateway;
        }

        @Override
        @SuppressWarnings("deprecation")
        public AuthorizationDecision check(
                Supplier<Authentication> authentication, RequestAuthorizationContext context) {
            return allows(authentication.get(), context.getRequest(), atGateway) ? GRANTED : DENIED;
        }
    }
}
