package org.example.hosp.synthetic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The synthetic register loaded at first start: how many generated persons (0 loads only the demo persons), the
 * generator's seed, and whether to load in the background (readiness stays DOWN until the load is done).
 */
@Validated
@ConfigurationProperties("hosp.synthetic-register")
record SyntheticRegisterProperties(
        @DefaultValue("500000") @Min(0) @Max(5_000_000) int persons,
        @DefaultValue("20060196") long seed,
        @DefaultValue("true") boolean background,
        @DefaultValue("true") boolean enabled) {}
