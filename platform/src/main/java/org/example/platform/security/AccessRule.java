package org.example.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * One line of a service's access list: which requests (method, or any method when null, and path patterns in
 * Spring's {@code PathPattern} syntax) and what they need: nothing ({@link Kind#OPEN}), a token with any of the
 * given scopes ({@link Kind#SCOPES}), or nothing at all gets through ({@link Kind#DENY}). {@link Kind#OWN_LOGIN}
 * marks a service's browser pages with a login of their own: the gateway passes them on and the service's page
 * chain decides; the service's API chain refuses them.
 */
public record AccessRule(HttpMethod method, List<String> patterns, Kind kind, Set<String> scopes) {

    public enum Kind {
        OPEN,
        SCOPES,
        DENY,
        OWN_LOGIN
    }

    public AccessRule {
        patterns = List.copyOf(patterns);
        scopes = Set.copyOf(scopes);
    }

    /** The requests of one method (null: any method) to these paths; finish with what they need. */
    public static Requests on(HttpMethod method, String... patterns) {
        return new Requests(method, List.of(patterns));
    }

    /** The requests of any method to these paths. */
    public static Requests any(String... patterns) {
        return new Requests(null, List.of(patterns));
    }

    /** The first half of a rule: which requests. */
    public record Requests(HttpMethod method, List<String> patterns) {

        public AccessRule open() {
            return new AccessRule(method, patterns, Kind.OPEN, Set.of());
        }

        public AccessRule scopes(String... scopes) {
            return new AccessRule(method, patterns, Kind.SCOPES, Set.of(scopes));
        }

        public AccessRule deny() {
            return new AccessRule(method, patterns, Kind.DENY, Set.of());
        }

        public AccessRule ownLogin() {
            return new AccessRule(method, patterns, Kind.OWN_LOGIN, Set.of());
        }
    }

    /** The rule made ready to match requests: its path patterns parsed once, its authorities spelled once. */
    Compiled compile() {
        var builder = PathPatternRequestMatcher.withDefaults();
        var matchers = patterns.stream()
                .map(pattern -> builder.matcher(method, pattern))
                .toList();
        var authorities = scopes.stream().map(scope -> "SCOPE_" + scope).collect(Collectors.toUnmodifiableSet());
        return new Compiled(this, matchers.toArray(PathPatternRequestMatcher[]::new), authorities);
    }

    record Compiled(AccessRule rule, PathPatternRequestMatcher[] matchers, Set<String> authorities) {

        boolean matches(HttpServletRequest request) {
            for (var matcher : matchers) {
                if (matcher.matches(request)) {
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
