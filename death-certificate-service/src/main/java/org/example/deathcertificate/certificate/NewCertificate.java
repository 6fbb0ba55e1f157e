package org.example.deathcertificate.certificate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers of a cause-of-death certificate (dödsorsaksintyg, DOI v1), whichever way it arrives, in the parts of
 * the form. Question numbers (svar/delsvar ids of the RIVTA message) are given per field.
 *
 * <p>The parts are unwrapped in JSON: a certificate is one flat object with the fields in the form's order, as it
 * always was (the stored answers and their content hash are the same bytes), and a field's name in an error is its
 * JSON name ({@link org.example.platform.error.JsonFieldNames}).
 */
public record NewCertificate(
        @JsonUnwrapped @NotNull @Valid Identity identity,
        @JsonUnwrapped @NotNull @Valid Deceased deceased,
        @JsonUnwrapped @NotNull @Valid Death death,
        @JsonUnwrapped @NotNull @Valid Causes causes,
        @JsonUnwrapped @NotNull @Valid Surgery surgery,
        @JsonUnwrapped @NotNull @Valid Injury injury,
        @JsonUnwrapped @NotNull @Valid Basis basis,
        @JsonUnwrapped @NotNull @Valid Signing signing) {

    /** Which certificate this is. */
    public record Identity(
            @NotBlank @Size(max = 100) @Schema(description = "Certificate id (intygs-id extension)")
            String certificateId,

            @NotBlank @Schema(description = "Certificate type code, always DOI", example = "DOI")
            String type,

            @NotBlank @Size(max = 10) @Schema(example = "1.0")
            String version) {}

    /** Who died, and (1.1) how their identity was verified. */
    public record Deceased(
            @Pattern(regexp = "\\d{12}")
            @Schema(
                    description = "Personnummer or samordningsnummer, 12 digits; only paper certificates may lack it",
                    example = "192703104329")
            String personnummer,

            @Schema(description = "Date of birth, for a deceased without personnummer (paper)")
            LocalDate birthDate,

            @Schema(description = "Sex, for a deceased without personnummer (paper)")
            Sex sex,

            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,

            @NotBlank @Size(max = 400) @Schema(description = "1.1 Identity verified by")
            String identityVerifiedBy) {

        /** Never shows personal data. */
        @Override
        public String toString() {
            return "Deceased[…]";
        }
    }

    /** When and where the death happened (2, 3, 4). */
    public record Death(
            @NotNull @Schema(description = "2.1 Date of death is certain")
            Boolean dateOfDeathCertain,

            @NotBlank
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}")
            @Schema(
                    description = "2.2 Date of death; when not certain YYYY-MM-00 or 0000-00-00 parts are allowed",
                    example = "2017-04-01")
            String dateOfDeath,

            @Schema(description = "2.3 Date the body was found (required when the date of death is not certain)")
            LocalDate foundDeadDate,

            @NotBlank @Size(max = 200) @Schema(description = "3.1 Municipality of death")
            String placeOfDeathMunicipality,

            @NotNull @Schema(description = "3.2 Where the body was found")
            PlaceOfDeath placeOfDeath,

            @NotNull @Schema(description = "4.1 A child who died within 28 days of birth")
            Boolean childWithin28Days) {}

    /** The cause chain and the contributing conditions (8, 9, 10). */
    public record Causes(
            @NotNull @Valid @Schema(description = "8 Terminal cause of death (line A)")
            CauseLine terminalCause,

            @Size(max = 3) @Schema(description = "9 Which was a consequence of (lines B, C, D)")
            List<@Valid @NotNull CauseLine> followingCauses,

            @Size(max = 8) @Schema(description = "10 Other contributing diseases or injuries, most serious first")
            List<@Valid @NotNull CauseLine> contributingConditions) {

        public Causes {
            followingCauses = followingCauses == null ? List.of() : List.copyOf(followingCauses);
            contributingConditions = contributingConditions == null ? List.of() : List.copyOf(contributingConditions);
        }
    }

    /** An operation within four weeks before death (11). */
    public record Surgery(
            @NotNull @Schema(description = "11.1 Operated within four weeks before death")
            Operation operation,

            @Schema(description = "11.2 Date of the operation")
            LocalDate operationDate,

            @Size(max = 400) @Schema(description = "11.3 Condition that led to the operation")
            String operationReason) {}

    /** A death in connection with injury or poisoning (12). */
    public record Injury(
            @NotNull @Schema(description = "12.1 Death in connection with injury or poisoning")
            Boolean injuryOrPoisoning,

            @Schema(description = "12.2 Cause and intent of the injury or poisoning")
            InjuryCause injuryCause,

            @Schema(description = "12.3 Date of the injury or poisoning")
            LocalDate injuryDate,

            @Size(max = 400) @Schema(description = "12.4 How the injury or poisoning came about")
            String injuryDescription) {}

    /**
     * What the information rests on (13), the country of residence of a deceased not resident in Sweden (14), and the
     * certificate this one replaces.
     */
    public record Basis(
            @NotEmpty @Size(max = 5) @Schema(description = "13 What the cause-of-death information is based on")
            List<@NotNull Ground> grounds,

            @Size(max = 100) @Schema(description = "14 Country, when not permanently resident in Sweden")
            String country,

            @Size(max = 100) @Schema(description = "Id of the certificate this one replaces (relation ERSATT)")
            String replacesCertificateId) {

        public Basis {
            grounds = grounds == null ? List.of() : List.copyOf(grounds);
        }
    }

    /** Who signed the certificate, when, and for which care unit and provider. */
    public record Signing(
            @Schema(description = "When the certificate was signed")
            LocalDateTime signedAt,

            @Size(max = 100) @Schema(description = "HSA id of the signing doctor")
            String signedBy,

            @Size(max = 100) @Schema(description = "HSA id of the care unit")
            String careUnitId,

            @Size(max = 100) @Schema(description = "HSA id of the care provider")
            String careProviderId) {}

    public static final String TYPE = "DOI";

    /** The certificate's id. */
    public String certificateId() {
        return identity.certificateId();
    }

    /** The date of death when it is a complete date (a date that is not certain may be partial). */
    public Optional<LocalDate> exactDateOfDeath() {
        return parse(death.dateOfDeath());
    }

    /** The cause chain from line A (terminal cause) down to the earliest cause. */
    public List<CauseLine> causeChain() {
        var chain = new ArrayList<CauseLine>();
        if (causes.terminalCause() != null) {
            chain.add(causes.terminalCause());
        }
        chain.addAll(causes.followingCauses());
        return chain;
    }

    /**
     * The rules the register adds to the form's own (Schematron) rules: a valid personnummer or samordningsnummer,
     * no dates in the future, onset dates not later down the cause chain, and type DOI.
     */
    public List<Violation> violations(LocalDate today, boolean personnummerRequired) {
        var violations = new ArrayList<Violation>();
        var personnummer = deceased.personnummer();
        if (!TYPE.equals(identity.type())) {
            violations.add(new Violation("type", "certificate type must be " + TYPE));
        }
        if (personnummer == null) {
            if (personnummerRequired) {
                violations.add(new Violation("personnummer", "is required"));
            } else if (deceased.birthDate() == null) {
                violations.add(new Violation("birthDate", "is required when the deceased has no personnummer"));
            }
        } else {
            Personnummer.problem(personnummer)
                    .ifPresent(problem ->
                            violations.add(new Violation("personnummer", "personnummer/samordningsnummer " + problem)));
        }
        var death = exactDateOfDeath();
        if (this.death.dateOfDeath() != null
                && Boolean.TRUE.equals(this.death.dateOfDeathCertain())
                && death.isEmpty()) {
            violations.add(new Violation("dateOfDeath", "must be a complete date when the date of death is certain"));
        }
        notInFuture(violations, "dateOfDeath", death.orElse(null), today);
        notInFuture(violations, "foundDeadDate", this.death.foundDeadDate(), today);
        notInFuture(violations, "birthDate", deceased.birthDate(), today);
        notInFuture(violations, "operationDate", surgery.operationDate(), today);
        notInFuture(violations, "injuryDate", injury.injuryDate(), today);
        var signedAt = signing.signedAt();
        if (signedAt != null && signedAt.toLocalDate().isAfter(today)) {
            violations.add(new Violation("signedAt", "must not be in the future"));
        }
        var chain = causeChain();
        LocalDate above = null;
        for (int i = 0; i < chain.size(); i++) {
            var field = i == 0 ? "terminalCause.onsetDate" : "followingCauses[" + (i - 1) + "].onsetDate";
            var onset = chain.get(i).onsetDate();
            notInFuture(violations, field, onset, today);
            if (onset != null && death.isPresent() && onset.isAfter(death.get())) {
                violations.add(new Violation(field, "onset must not be after the date of death"));
            }
            if (onset != null && above != null && onset.isAfter(above)) {
                violations.add(new Violation(
                        field, "onset must not be later than the onset of the line above it in the cause chain"));
            }
            if (onset != null) {
                above = onset;
            }
        }
        var contributing = causes.contributingConditions();
        for (int i = 0; i < contributing.size(); i++) {
            notInFuture(
                    violations,
                    "contributingConditions[" + i + "].onsetDate",
                    contributing.get(i).onsetDate(),
                    today);
        }
        return violations;
    }

    private static void notInFuture(List<Violation> violations, String field, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            violations.add(new Violation(field, "must not be in the future"));
        }
    }

    private static Optional<LocalDate> parse(String date) {
        if (date == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Never shows personal data, so the record is safe in a log line. */
    @Override
    public String toString() {
        return "NewCertificate[certificateId=" + identity.certificateId() + ", type=" + identity.type() + ", version="
                + identity.version() + "]";
    }

    public enum Sex {
        FEMALE,
        MALE,
        UNDETERMINED
    }

    /** 3.2, code system 65f0069f-14b5-4634-b187-5193580a3349. */
    public enum PlaceOfDeath {
        SJUKHUS,
        ORDINART_BOENDE,
        SARSKILT_BOENDE,
        ANNAN
    }

    /** 11.1: yes, no, or unknown (NullFlavor NI). */
    public enum Operation {
        JA,
        NEJ,
        UPPGIFT_SAKNAS
    }

    /** 12.2, code system e5d1d1fb-d918-47b4-9e69-483d3be523ee. */
    public enum InjuryCause {
        OLYCKSFALL,
        SJALVMORD,
        AVSIKTLIGT_VALLAD,
        OKLART
    }

    /** 13.1, code system f9051865-b97c-4ee3-98ab-db2b7a11176e. */
    public enum Ground {
        UNDERSOKNING_FORE_DODEN,
        UNDERSOKNING_EFTER_DODEN,
        KLINISK_OBDUKTION,
        RATTSMEDICINSK_OBDUKTION,
        RATTSMEDICINSK_BESIKTNING
    }
}
