package org.example.fmb.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VersionStateTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static VersionState publishedFrom(LocalDate from) {
        var state = VersionState.draft();
        state.submit("Version 2");
        state.approve("Version 2");
        state.publish("Version 2", from, from);
        return state;
    }

    @Test
    void isReplacedByASuccessorStartingOnItsOwnFirstDay() {
        var current = publishedFrom(TODAY);

        assertThat(current.isReplacedBy(TODAY)).isTrue();
        current.endValidity(TODAY);

        assertThat(current.isServedOn(TODAY)).isFalse();
        assertThat(current.isServedOn(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void isReplacedByALaterSuccessorOnlyFromItsStart() {
        var current = publishedFrom(TODAY.minusYears(1));

        assertThat(current.isReplacedBy(TODAY)).isTrue();
        current.endValidity(TODAY);

        assertThat(current.isServedOn(TODAY.minusDays(1))).isTrue();
        assertThat(current.isServedOn(TODAY)).isFalse();
    }

    @Test
    void isNotReplacedByASuccessorBeforeItStartsOrAfterItEnded() {
        var scheduled = publishedFrom(TODAY.plusDays(10));
        assertThat(scheduled.isReplacedBy(TODAY)).isFalse();

        var ended = publishedFrom(TODAY.minusYears(2));
        ended.endValidity(TODAY.minusYears(1));
        assertThat(ended.isReplacedBy(TODAY)).isFalse();
    }

    @Test
    void refusesToPublishBeforeApprovalOrFromAPastDay() {
        var draft = VersionState.draft();
        assertThatThrownBy(() -> draft.publish("Version 3", TODAY, TODAY))
                .isInstanceOf(WorkflowException.class)
                .hasMessage("Version 3 is DRAFT; only a APPROVED version can be published.");

        draft.submit("Version 3");
        draft.approve("Version 3");
        assertThatThrownBy(() -> draft.publish("Version 3", TODAY.minusDays(1), TODAY))
                .isInstanceOf(DraftInvalidException.class);
        assertThat(draft.status()).isEqualTo(Status.APPROVED);
    }

    @Test
    void returnsOnlyAVersionInReviewOrApproved() {
        var draft = VersionState.draft();
        assertThatThrownBy(() -> draft.returnToDraft("Version 3"))
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("cannot be returned");
        draft.submit("Version 3");
        draft.returnToDraft("Version 3");
        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.isOpen()).isTrue();
    }
}
