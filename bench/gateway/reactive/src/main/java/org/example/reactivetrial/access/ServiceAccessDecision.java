package org.example.reactivetrial.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.example.platform.security.AccessRule;
import org.example.platform.security.ServiceAccess;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The decision the suite's gateway makes for one service ({@code ServiceAccess.atGateway()}), made reactive from the
 * very same list ({@code SuiteAccess}): a token whose {@code aud} does not name the service is refused on every path,
 * then the first rule whose method and path match decides (open, one of its scopes, refused, or a page with a login
 * of its own, passed on); a request no rule matches is refused.
 */
final class ServiceAccessDecision implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

    private final String audience;
    private final List<Rule> rules;

    ServiceAccessDecision(ServiceAccess service) {
        this.audience = service.audience();
        this.rules = service.rules().stream().map(Rule::of).toList();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        return authentication
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(caller -> allows(caller.orElse(null), context) ? GRANTED : DENIED);
    }

    private boolean allows(Authentication authentication, AuthorizationContext context) {
        if (authentication instanceof JwtAuthenticationToken token
                && !names(token.getToken().getClaims().get(JwtClaimNames.AUD))) {
            return false;
        }
        var request = context.getExchange().getRequest();
        var path = request.getPath().pathWithinApplication();
        for (var rule : rules) {
            if (rule.matches(request.getMethod(), path)) {
                return switch (rule.kind()) {
                    case OPEN, OWN_LOGIN -> true;
                    case SCOPES -> rule.grantsAnyOf(authentication);
                    case DENY -> false;
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

    /** One line of the list with its patterns parsed once and its authorities spelled once. */
    private record Rule(HttpMethod method, List<PathPattern> patterns, AccessRule.Kind kind, Set<String> authorities) {

        static Rule of(AccessRule rule) {
            var parser = PathPatternParser.defaultInstance;
            return new Rule(
                    rule.method(),
                    rule.patterns().stream().map(parser::parse).toList(),
                    rule.kind(),
                    rule.scopes().stream().map(scope -> "SCOPE_" + scope).collect(Collectors.toUnmodifiableSet()));
        }

        boolean matches(HttpMethod requestMethod, org.springframework.http.server.PathContainer path) {
            if (method != null && !method.equals(requestMethod)) {
                return false;
            }
            for (var pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }

        boolean grantsAnyOf(Authentication authentication) {
            if (authentication == null || !authentication.isAuthenticated()) {
                return false;
            }
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                if (authorities.contains(authority.getAuthority())) {
                    return true;
                }
            }
            return false;
        }
    }
}
