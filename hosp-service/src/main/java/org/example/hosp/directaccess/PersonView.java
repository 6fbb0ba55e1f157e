package org.example.hosp.directaccess;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.register.RegisteredPerson;

/**
 * A person as the caller may see them. Every property belongs to one 6 § item; properties of items the caller may
 * not see are absent, never null. A protected identity shows only identity number, birth date and deceased flag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Properties of 6 § items the caller may not see are absent")
public record PersonView(
        @Schema(description = "Item 1") String identityNumber,
        @Schema(description = "Item 1") LocalDate birthDate,
        @Schema(description = "Item 1") String givenName,
        @Schema(description = "Item 1") String familyName,
        @Schema(description = "Item 1: FEMALE or MALE") String sex,
        @Schema(description = "Item 1") Boolean deceased,
        @Schema(description = "Item 2") String folkbokforingsort,

        @Schema(description = "Item 3 (profession) and 6 (date of issue)")
        List<LicenceView> licences,

        @Schema(description = "Item 4") List<EducationView> educations,

        @Schema(description = "Item 5 (speciality) and 6 (date of issue)")
        List<SpecialistCertificateView> specialistCertificates,

        @Schema(description = "Item 7 (revocation 001, trial period 002) and 8 (limited prescribing 003)")
        List<RestrictionView> restrictions,

        @Schema(description = "Item 8") PrescribingView prescribing,
        @Schema(description = "Item 9") AdministrativeView administrative) {

    /**
     * The items every caller gets of a protected identity (identity number, birth date and deceased flag, of item 1),
     * for the lookup's audit row.
     */
    static final Set<RegisterItem> PROTECTED_IDENTITY_ITEMS = Set.of(RegisterItem.IDENTITY);

    static PersonView of(RegisteredPerson person, Set<RegisterItem> items) {
        var identity = items.contains(RegisterItem.IDENTITY);
        var who = person.identity();
        if (who.protectedIdentity()) {
            return new PersonView(
                    who.identityNumber().value(),
                    who.birthDate(),
                    null,
                    null,
                    null,
                    who.deceased(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        var profession = items.contains(RegisterItem.PROFESSION);
        var dates = items.contains(RegisterItem.ISSUE_DATES);
        var speciality = items.contains(RegisterItem.SPECIALITY);
        var restrictionItems =
                items.contains(RegisterItem.TRIAL_PERIOD_AND_REVOCATION) || items.contains(RegisterItem.PRESCRIBING);
        return new PersonView(
                identity ? who.identityNumber().value() : null,
                identity ? who.birthDate() : null,
                identity ? who.givenName() : null,
                identity ? who.familyName() : null,
                identity ? who.sex() : null,
                identity ? who.deceased() : null,
                items.contains(RegisterItem.FOLKBOKFORINGSORT) ? who.folkbokforingsort() : null,
                profession || dates
                        ? person.licences().stream()
                                .map(licence -> new LicenceView(
                                        profession ? licence.professionCode() : null,
                                        profession ? licence.professionTitle() : null,
                                        dates ? licence.licensedOn() : null))
                                .toList()
                        : null,
                items.contains(RegisterItem.EDUCATION)
                        ? person.educations().stream()
                                .map(e -> new EducationView(e.professionCode(), e.school(), e.country(), e.examDate()))
                                .toList()
                        : null,
                speciality
                        ? person.licences().stream()
                                .flatMap(licence -> licence.specialistCertificates().stream()
                                        .map(c -> new SpecialistCertificateView(
                                                licence.professionCode(),
                                                c.specialityCode(),
                                                c.specialityName(),
                                                dates ? c.certifiedOn() : null)))
                                .toList()
                        : null,
                restrictionItems
                        ? person.licences().stream()
                                .flatMap(licence -> licence.restrictions().stream()
                                        .filter(r -> items.contains(r.item()))
                                        .map(r -> new RestrictionView(
                                                r.id(),
                                                licence.professionCode(),
                                                r.code(),
                                                r.title(),
                                                r.validFrom(),
                                                r.validTo(),
                                                r.description())))
                                .toList()
                        : null,
                items.contains(RegisterItem.PRESCRIBING)
                        ? new PrescribingView(
                                person.prescribing().prescriberCode(),
                                person.prescribing().scope())
                        : null,
                items.contains(RegisterItem.ADMINISTRATIVE)
                        ? new AdministrativeView(
                                person.recorded().registeredAt(),
                                person.recorded().updatedAt())
                        : null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LicenceView(
            @Schema(description = "Item 3") String professionCode,
            @Schema(description = "Item 3") String professionTitle,
            @Schema(description = "Item 6") LocalDate licensedOn) {}

    public record EducationView(
            String professionCode,
            String school,
            @Schema(description = "ISO 3166-1 alpha-2") String country,
            LocalDate examDate) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpecialistCertificateView(
            String professionCode,
            String specialityCode,
            String specialityName,
            @Schema(description = "Item 6") LocalDate certifiedOn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RestrictionView(
            long id,
            String professionCode,
            String code,
            String title,
            LocalDate validFrom,

            @Schema(description = "Last day it applies; absent means until further notice")
            LocalDate validTo,

            String description) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PrescribingView(
            @Schema(description = "Förskrivarkod, 7 digits") String prescriberCode,

            @Schema(description = "FULL, DENTAL_CARE, NURSE_FORMULARY, CONTRACEPTIVES or DENTAL_HYGIENE")
            String scope) {}

    public record AdministrativeView(Instant registeredAt, Instant updatedAt) {}
}
