package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisVersionTests {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2019-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm"));

    private static DiagnosisContent content() {
        var tc = new TypicalCaseContent(
                null,
                "Vid lindrig depression ...",
                null,
                List.of(Code.icd10("F32", "Depressiv episod")),
                null,
                "Upp till 3 månader",
                3,
                DurationUnit.MONTHS,
                Degree.FULL,
                null,
                null,
                null);
        return DiagnosisContent.titled("Depressiv episod")
                .withCodes(null, List.of(Code.icd10("F32", "Depressiv episod")))
                .withMarkup("<p>x</p>", null, null)
                .withTypicalCases(List.of(tc));
    }

    @Test
    void goesFromDraftThroughReviewAndApprovalToPublished() {
        var version = DiagnosisVersion.draft(508, 3, 2, content(), "editor", () -> 100_000L, CLOCK);
        version.submitForReview();
        version.approve();
        version.publish(LocalDate.of(2030, 1, 1), CLOCK);

        assertThat(version.getStatus()).isEqualTo(Status.PUBLISHED);
        assertThat(version.isServedOn(LocalDate.of(2029, 12, 31))).isFalse();
        assertThat(version.isServedOn(LocalDate.of(2030, 1, 1))).isTrue();
        assertThat(version.content().typicalCases().get(0).fmbId()).isEqualTo(100_000L);
        assertThat(version.content().keywords()).contains(FmbVocabulary.SUPPORTING);
    }

    @Test
    void refusesStepsOutOfOrder() {
        var version = DiagnosisVersion.draft(508, 3, 2, content(), "editor", () -> 100_000L, CLOCK);
        assertThatThrownBy(version::approve)
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> version.publish(LocalDate.now(CLOCK), CLOCK)).isInstanceOf(WorkflowException.class);
        version.submitForReview();
        assertThatThrownBy(() -> version.revise(content(), () -> 1L, CLOCK)).isInstanceOf(WorkflowException.class);
    }

    @Test
    void endsItsValidityWhenASuccessorStarts() {
        var version = DiagnosisVersion.draft(508, 3, 2, content(), "editor", () -> 100_000L, CLOCK);
        version.submitForReview();
        version.approve();
        version.publish(LocalDate.of(2020, 1, 1), CLOCK);
        version.endValidity(LocalDate.of(2030, 6, 1));

        assertThat(version.isServedOn(LocalDate.of(2030, 5, 31))).isTrue();
        assertThat(version.isServedOn(LocalDate.of(2030, 6, 1))).isFalse();
    }

    @Test
    void refusesToPublishFromADayThatHasPassed() {
        var version = DiagnosisVersion.draft(508, 3, 2, content(), "editor", () -> 100_000L, CLOCK);
        version.submitForReview();
        version.approve();

        assertThatThrownBy(() -> version.publish(LocalDate.of(2019, 5, 31), CLOCK))
                .isInstanceOfSatisfying(
                        DraftInvalidException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(new FieldMessage("validFrom", "must be today or later")));
        assertThat(version.getStatus()).isEqualTo(Status.APPROVED);
    }

    @Test
    void countsTheMaximumInDaysWithAMonthOfThirtyOneDays() {
        assertThat(content().typicalCases().get(0).maxDays()).isEqualTo(93);
    }
}
