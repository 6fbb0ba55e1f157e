package org.example.hosp.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The table actor type → register items. Private care providers and unknown actor types are never in it. */
public final class AccessPolicy {

    /** Private care providers have no direct access under 6 §; configuration cannot grant it. */
    public static final String PRIVATE_CARE_PROVIDER = "PRIVATE_CARE_PROVIDER";

    private final Map<String, Set<RegisterItem>> items;

    AccessPolicy(Map<String, Set<Integer>> table) {
        var rows = new TreeMap<String, Set<RegisterItem>>();
        table.forEach((actorType, numbers) -> {
            var key = actorType.toUpperCase(Locale.ROOT);
            if (key.equals(PRIVATE_CARE_PROVIDER)) {
                throw new IllegalArgumentException("hosp.access.policy cannot grant direct access to " + key);
            }
            var set = EnumSet.noneOf(RegisterItem.class);
            numbers.forEach(number -> set.add(RegisterItem.of(number)));
            rows.put(key, Set.copyOf(set));
        });
        this.items = Map.copyOf(rows);
    }

    /**
     * The items an actor type may see; absent when it has no direct access, an empty set when its row is not yet
     * configured (Transportstyrelsen by default: the law table marks its items unverified).
     */
    public Optional<Set<RegisterItem>> itemsFor(String actorType) {
        return actorType == null
                ? Optional.empty()
                : Optional.ofNullable(items.get(actorType.toUpperCase(Locale.ROOT)));
    }

    public boolean permits(String actorType, RegisterItem item) {
        return itemsFor(actorType).map(set -> set.contains(item)).orElse(false);
    }

    /** The table as numbers, for documentation and logs. */
    public Map<String, Set<Integer>> table() {
        return items.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> entry.getValue().stream()
                                .map(RegisterItem::number)
                                .collect(Collectors.toSet())));
    }
}
