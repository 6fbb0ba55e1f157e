package org.example.deathcertificate.coding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param codeserverUrl base URL of the code server (its JSON API under /codes/api/v1)
 * @param codeSystem the code system's slug at the code server
 * @param suggestions how many codes to suggest per line
 * @param secondCheckRequired four-eyes: a coding counts as final (exported) only once another coder agrees
 * @param timeout connect and read timeout towards the code server
 */
@Validated
@ConfigurationProperties("coding")
public record CodingProperties(
        @DefaultValue("http://localhost:8082") @NotBlank String codeserverUrl,
        @DefaultValue("icd-10-se") @NotBlank String codeSystem,
        @DefaultValue("8") @Min(1) @Max(50) int suggestions,
        @DefaultValue("false") boolean secondCheckRequired,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("50") @Min(1) @Max(500) int queuePageSize) {}
