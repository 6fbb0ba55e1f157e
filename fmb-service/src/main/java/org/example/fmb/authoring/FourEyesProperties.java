package org.example.fmb.authoring;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who is who for the four-eyes rule. A person may act under several identities (the user name of the
 * pages' login and the client id of the API's client credentials are both token subjects); {@code people}
 * maps each person to all of them, so that they count as one. An identity not listed is a person of its
 * own. Compared without regard to case and surrounding blanks.
 */
@ConfigurationProperties("fmb.four-eyes")
public record FourEyesProperties(Map<String, List<String>> people) {

    public FourEyesProperties {
        people = people == null ? Map.of() : Map.copyOf(people);
        var seen = new java.util.HashMap<String, String>();
        people.forEach((person, identities) -> identities.forEach(identity -> {
            var other = seen.put(key(identity), person);
            if (other != null && !other.equals(person)) {
                throw new IllegalArgumentException(
                        "Identity '" + identity + "' is listed for both " + other + " and " + person);
            }
        }));
    }

    /** The configured person behind an identity (a token subject), if it is listed. */
    public java.util.Optional<String> personOf(String identity) {
        var wanted = key(identity);
        return people.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(i -> key(i).equals(wanted)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private String personKey(String identity) {
        return personOf(identity).map(person -> "person:" + person).orElse("identity:" + key(identity));
    }

    /**
     * Refuses {@code actor} when the same person acted as one of {@code involved} (wrote, submitted or
     * proposed what is now to be approved).
     */
    void requireSecondPerson(Collection<String> involved, String actor, String what) {
        Set<String> persons = involved.stream().map(this::personKey).collect(Collectors.toSet());
        if (persons.contains(personKey(actor))) {
            var as = personOf(actor).map(person -> " (" + person + ")").orElse("");
            throw new FourEyesException(
                    "Four-eyes principle: " + actor + as + " " + what + "; another person must approve it.");
        }
    }

    private static String key(String identity) {
        return identity == null ? "" : identity.strip().toLowerCase(Locale.ROOT);
    }
}
