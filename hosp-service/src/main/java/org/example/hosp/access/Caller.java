package org.example.hosp.access;

import java.util.Set;

/** An authenticated caller with direct access, and the register items the policy lets it see. */
public record Caller(String clientId, String organisation, String actorType, Set<RegisterItem> items) {

    public Caller {
        items = Set.copyOf(items);
    }

    public boolean sees(RegisterItem item) {
        return items.contains(item);
    }
}
