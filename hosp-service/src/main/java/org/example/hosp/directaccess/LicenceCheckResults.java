package org.example.hosp.directaccess;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** For each pair asked about, in the same order: whether the person holds that licence now. Nothing more. */
public record LicenceCheckResults(List<Result> results) {

    public record Result(
            @Schema(description = "12-digit form") String identityNumber,
            String professionCode,

            @Schema(description = "Holds the licence today, not revoked; false for unknown or deceased persons")
            boolean licensed) {}
}
