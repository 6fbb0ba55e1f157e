package org.example.codeserver.fhir;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one value set request ($expand, $validate-code, $batch-validate-code) may cost.
 *
 * @param deadline the time a request may spend selecting concepts before it is answered {@code too-costly}
 * @param maxComposeParts the most includes and excludes a value set may have
 * @param maxFilters the most filters a value set may have, over all its includes and excludes
 */
@Validated
@ConfigurationProperties("codes.expansion")
record ExpansionProperties(
        @DefaultValue("3s") Duration deadline,
        @DefaultValue("100") @Min(1) @Max(10_000) int maxComposeParts,
        @DefaultValue("50") @Min(1) @Max(10_000) int maxFilters) {}
