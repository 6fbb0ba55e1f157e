package org.example.hosp.directaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.RegisteredEducation;
import org.example.hosp.register.RegisteredLicence;
import org.example.hosp.register.RegisteredPerson;
import org.example.hosp.register.RegisteredRestriction;
import org.example.hosp.register.RegisteredSpecialistCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each actor type's JSON holds, cell by cell: items it may not see are absent, never null. */
class PersonViewTests {

    private static final ObjectMapper JSON =
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final RegisteredPerson DOCTOR = person(false);

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
        "TRANSPORTSTYRELSEN, 1, true",
        "TRANSPORTSTYRELSEN, 2, false",
        "TRANSPORTSTYRELSEN, 3, true",
        "TRANSPORTSTYRELSEN, 4, false",
        "TRANSPORTSTYRELSEN, 5, true",
        "TRANSPORTSTYRELSEN, 6, true",
        "TRANSPORTSTYRELSEN, 7, true",
        "TRANSPORTSTYRELSEN, 8, false",
        "TRANSPORTSTYRELSEN, 9, false"
    })
    void showsAnItemOnlyToActorsThatMaySeeIt(String actorType, int item, boolean visible) throws Exception {
        var json = json(PersonView.of(DOCTOR, itemsOf(actorType)));
        assertThat(visible(json, item)).as("item %d visible", item).isEqualTo(visible);
        assertThat(nulls(json)).as("null-filled properties").isEmpty();
    }

    @Test
    void showsOnlyIdentityNumberBirthDateAndDeceasedForAProtectedIdentityEvenToIvo() throws Exception {
        var json = json(PersonView.of(person(true), EnumSet.allOf(RegisterItem.class)));
        assertThat(fieldNames(json)).containsExactlyInAnyOrder("identityNumber", "birthDate", "deceased");
        assertThat(json.get("identityNumber").asText()).isEqualTo("197003122442");
        assertThat(json.get("birthDate").asText()).isEqualTo("1970-03-12");
        assertThat(json.get("deceased").asBoolean()).isFalse();
    }

    @Test
    void showsAnItemThatIsPermittedButEmptyAsAnEmptyList() throws Exception {
        var nurse = new RegisteredPerson(
                DOCTOR.identity(),
                List.of(new RegisteredLicence("SJ", "Sjuksköterska", LocalDate.of(1997, 6, 15), List.of(), List.of())),
                List.of(),
                new RegisteredPerson.Prescribing(null, null),
                new RegisteredPerson.Recorded(
                        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z")));
        var json = json(PersonView.of(nurse, itemsOf("PUBLIC_CARE_PROVIDER")));
        assertThat(json.get("specialistCertificates").isArray()).isTrue();
        assertThat(json.get("specialistCertificates")).isEmpty();
        assertThat(json.get("prescribing").isObject()).isTrue();
    }

    static Set<RegisterItem> itemsOf(String actorType) {
        var numbers = switch (actorType) {
            case "PUBLIC_CARE_PROVIDER" -> new int[] {1, 3, 5, 6, 7, 8};
            case "IVO" -> new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
            case "TRANSPORTSTYRELSEN" -> new int[] {1, 3, 5, 6, 7};
            default -> new int[0];
        };
        return Arrays.stream(numbers)
                .mapToObj(RegisterItem::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RegisterItem.class)));
    }

    /** Whether the JSON shows the data of one 6 § item. */
    static boolean visible(JsonNode json, int item) {
        var codes = json.has("restrictions")
                ? StreamSupport.stream(json.get("restrictions").spliterator(), false)
                        .map(r -> r.get("code").asText())
                        .collect(Collectors.toSet())
                : Set.<String>of();
        return switch (item) {
            case 1 -> json.has("givenName") && json.has("familyName") && json.has("sex") && json.has("identityNumber");
            case 2 -> json.has("folkbokforingsort");
            case 3 -> json.has("licences") && json.get("licences").get(0).has("professionCode");
            case 4 -> json.has("educations");
            case 5 -> json.has("specialistCertificates");
            case 6 -> json.has("licences") && json.get("licences").get(0).has("licensedOn");
            case 7 -> codes.contains("001") || codes.contains("002");
            case 8 -> json.has("prescribing") || codes.contains("003");
            case 9 -> json.has("administrative");
            default -> throw new IllegalArgumentException();
        };
    }

    static List<String> nulls(JsonNode json) {
        var found = new java.util.ArrayList<String>();
        collectNulls(json, "$", found);
        return found;
    }

    private static void collectNulls(JsonNode node, String path, List<String> found) {
        if (node.isNull()) {
            found.add(path);
        }
        node.fields().forEachRemaining(field -> collectNulls(field.getValue(), path + "." + field.getKey(), found));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNulls(node.get(i), path + "[" + i + "]", found);
            }
        }
    }

    static List<String> fieldNames(JsonNode json) {
        var names = new java.util.ArrayList<String>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(PersonView view) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(view));
    }

    private static RegisteredPerson person(boolean protectedIdentity) {
        var licence = new RegisteredLicence(
                "LK",
                "Läkare",
                LocalDate.of(1997, 6, 15),
                List.of(new RegisteredSpecialistCertificate("1099", "Internmedicin", LocalDate.of(2003, 9, 1))),
                List.of(
                        new RegisteredRestriction(
                                1,
                                "001",
                                "Återkallad legitimation",
                                LocalDate.of(2010, 1, 1),
                                LocalDate.of(2011, 1, 1),
                                null),
                        new RegisteredRestriction(
                                2, "002", "Prövotid", LocalDate.of(2011, 1, 2), LocalDate.of(2014, 1, 1), null),
                        new RegisteredRestriction(
                                3, "003", "Begränsad förskrivningsrätt", LocalDate.of(2020, 1, 1), null, null)));
        return new RegisteredPerson(
                new RegisteredPerson.Identity(
                        IdentityNumber.parse("197003122442", LocalDate.of(2026, 1, 1)),
                        LocalDate.of(1970, 3, 12),
                        "Karin",
                        "Lind",
                        "FEMALE",
                        "Uppsala",
                        protectedIdentity,
                        false),
                List.of(licence),
                List.of(new RegisteredEducation("LK", "Uppsala universitet", "SE", LocalDate.of(1995, 1, 20))),
                new RegisteredPerson.Prescribing("7000011", "FULL"),
                new RegisteredPerson.Recorded(
                        Instant.parse("1997-06-15T07:00:00Z"), Instant.parse("2008-02-01T07:00:00Z")));
    }
}
