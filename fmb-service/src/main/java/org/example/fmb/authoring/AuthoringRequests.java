package org.example.fmb.authoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The request bodies of the authoring API. */
final class AuthoringRequests {

    private AuthoringRequests() {}

    /** Start a new draft, from the latest version or from {@code basedOnVersion}. */
    record NewDraft(
            Integer basedOnVersion, @Size(max = 2000) String comment) {}

    /** Save a draft; {@code lockVersion} is the one loaded (a newer save by someone else gives 409). */
    record DraftUpdate(
            @NotNull Long lockVersion,
            @NotNull @Valid DiagnosisContent content,
            @Size(max = 2000) String comment) {}

    /** A diagnosis FMB does not have yet; {@code id} is chosen when absent. */
    record NewDiagnosis(Long id, @NotNull @Valid DiagnosisContent content) {}

    /** Submit, return, approve: why. */
    record WorkflowStep(@Size(max = 2000) String comment) {}

    /** Publish (or retire) from a date; today when absent, a later date schedules the switch. */
    record Publication(
            LocalDate validFrom, @Size(max = 2000) String comment) {}

    record PrinciplesUpdate(
            @NotNull Long lockVersion,
            @NotNull @Size(max = 500) String title,
            @NotNull String markup,
            @Size(max = 2000) String comment) {}
}
