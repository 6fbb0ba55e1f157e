package org.example.deathcertificate.rivta;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param logicalAddresses the LogicalAddress values that address this receiver (RIVTA BP 2.1 header)
 * @param maxMessageBytes  a larger SOAP request is refused before it is parsed
 */
@Validated
@ConfigurationProperties("rivta")
record RivtaProperties(
        @DefaultValue("2021000555") @NotEmpty List<String> logicalAddresses,
        @DefaultValue("1048576") @Min(1024) int maxMessageBytes) {}
