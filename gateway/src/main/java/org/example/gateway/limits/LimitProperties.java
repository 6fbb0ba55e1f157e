package org.example.gateway.limits;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Per-caller request budgets (token bucket: {@code capacity} requests, refilled over {@code period}) and
 * the largest request body. {@code clients} overrides the budget of named clients.
 */
@Validated
@ConfigurationProperties("gateway.limits")
record LimitProperties(
        @DefaultValue Budget authenticated,
        @DefaultValue Budget anonymous,
        @DefaultValue Map<String, Budget> clients,
        @DefaultValue("20MB") DataSize maxRequestSize) {

    record Budget(@DefaultValue("1000") @Min(1) long capacity, @DefaultValue("1s") Duration period) {
    }
}
