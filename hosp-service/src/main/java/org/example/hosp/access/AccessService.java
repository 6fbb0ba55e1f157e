package org.example.hosp.access;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/** Turns a verified token into a {@link Caller} with the items the policy grants, or refuses direct access. */
@Service
public class AccessService {

    private final AccessPolicy policy;

    AccessService(AccessProperties properties) {
        this.policy = new AccessPolicy(properties.policy());
    }

    public Caller grant(Jwt token) {
        var actorType = token.getClaimAsString("actor_type");
        var items = policy.itemsFor(actorType).orElseThrow(() -> new DirectAccessNotPermittedException(actorType));
        if (items.isEmpty()) {
            throw new DirectAccessNotPermittedException(
                    actorType, "direct access until its register items are configured (hosp.access.policy)");
        }
        return new Caller(token.getSubject(), token.getClaimAsString("organisation"), actorType, items);
    }

    public AccessPolicy policy() {
        return policy;
    }
}
