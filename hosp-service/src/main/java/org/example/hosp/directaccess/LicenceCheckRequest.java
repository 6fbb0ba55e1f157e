package org.example.hosp.directaccess;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Up to 1,000 pairs of identity number and profession code to check. */
public record LicenceCheckRequest(@Schema(maxLength = 1000) List<Check> checks) {

    public record Check(
            @Schema(example = "19791023-9287") String identityNumber,
            @Schema(example = "SJ") String professionCode) {}
}
