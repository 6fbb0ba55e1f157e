package org.example.fmb.authoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The editor page's form for a draft of the general principles, bound by Spring MVC. */
record PrinciplesForm(
        @NotNull Long lockVersion,
        @NotBlank(message = "krävs") @Size(max = 500) String title,
        @Size(max = 200_000) String markup,
        @Size(max = 2000) String comment) {

    static PrinciplesForm of(PrinciplesVersionDetails v) {
        return new PrinciplesForm(v.lockVersion(), v.title(), v.markup(), null);
    }

    PrinciplesText text() {
        return new PrinciplesText(title.trim(), markup == null ? "" : markup);
    }
}
