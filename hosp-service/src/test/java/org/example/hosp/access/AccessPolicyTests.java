package org.example.hosp.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The shipped policy (application.yml), cell by cell: actor type × 6 § item. */
class AccessPolicyTests {

    private static AccessPolicy policy;

    @BeforeAll
    static void bindTheShippedConfiguration() throws IOException {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        var properties = Binder.get(environment)
                .bind("hosp.access", AccessProperties.class)
                .get();
        policy = new AccessPolicy(properties.policy());
    }

    @ParameterizedTest(name = "{0} item {1} -> {2}")
    @CsvSource({
        "PUBLIC_CARE_PROVIDER, 1, true",
        "PUBLIC_CARE_PROVIDER, 2, false",
        "PUBLIC_CARE_PROVIDER, 3, true",
        "PUBLIC_CARE_PROVIDER, 4, false",
        "PUBLIC_CARE_PROVIDER, 5, true",
        "PUBLIC_CARE_PROVIDER, 6, true",
        "PUBLIC_CARE_PROVIDER, 7, true",
        "PUBLIC_CARE_PROVIDER, 8, true",
        "PUBLIC_CARE_PROVIDER, 9, false",
        "IVO, 1, true",
        "IVO, 2, true",
        "IVO, 3, true",
        "IVO, 4, true",
        "IVO, 5, true",
        "IVO, 6, true",
        "IVO, 7, true",
        "IVO, 8, true",
        "IVO, 9, true",
        "TRANSPORTSTYRELSEN, 1, false",
        "TRANSPORTSTYRELSEN, 2, false",
        "TRANSPORTSTYRELSEN, 3, false",
        "TRANSPORTSTYRELSEN, 4, false",
        "TRANSPORTSTYRELSEN, 5, false",
        "TRANSPORTSTYRELSEN, 6, false",
        "TRANSPORTSTYRELSEN, 7, false",
        "TRANSPORTSTYRELSEN, 8, false",
        "TRANSPORTSTYRELSEN, 9, false",
        "PRIVATE_CARE_PROVIDER, 1, false",
        "PRIVATE_CARE_PROVIDER, 2, false",
        "PRIVATE_CARE_PROVIDER, 3, false",
        "PRIVATE_CARE_PROVIDER, 4, false",
        "PRIVATE_CARE_PROVIDER, 5, false",
        "PRIVATE_CARE_PROVIDER, 6, false",
        "PRIVATE_CARE_PROVIDER, 7, false",
        "PRIVATE_CARE_PROVIDER, 8, false",
        "PRIVATE_CARE_PROVIDER, 9, false",
        "PHARMACY, 1, false",
        "PHARMACY, 3, false",
        "PHARMACY, 9, false"
    })
    void grantsExactlyTheItemsOfTheTable(String actorType, int item, boolean permitted) {
        assertThat(policy.permits(actorType, RegisterItem.of(item))).isEqualTo(permitted);
    }

    @Test
    void hasNoRowForPrivateCareProvidersUnknownOrMissingActorTypes() {
        assertThat(policy.itemsFor("PRIVATE_CARE_PROVIDER")).isEmpty();
        assertThat(policy.itemsFor("PHARMACY")).isEmpty();
        assertThat(policy.itemsFor(null)).isEmpty();
        assertThat(policy.table().keySet())
                .containsExactlyInAnyOrder("PUBLIC_CARE_PROVIDER", "IVO", "TRANSPORTSTYRELSEN");
    }

    @Test
    void grantsTransportstyrelsenNoItemsUntilConfiguredBecauseTheLawTableMarksThemUnverified() {
        assertThat(policy.itemsFor("TRANSPORTSTYRELSEN")).hasValue(Set.of());
    }

    @Test
    void refusesConfigurationThatGrantsPrivateCareProvidersDirectAccess() {
        assertThatThrownBy(() -> new AccessPolicy(Map.of("private_care_provider", Set.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesItemNumbersOutsideOneToNine() {
        assertThatThrownBy(() -> new AccessPolicy(Map.of("IVO", Set.of(10))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void letsTransportstyrelsensSetBeConfigured() {
        var configured = new AccessPolicy(Map.of("TRANSPORTSTYRELSEN", Set.of(1, 3, 7)));
        assertThat(configured.permits("TRANSPORTSTYRELSEN", RegisterItem.SPECIALITY))
                .isFalse();
        assertThat(configured.permits("transportstyrelsen", RegisterItem.TRIAL_PERIOD_AND_REVOCATION))
                .isTrue();
    }
}
