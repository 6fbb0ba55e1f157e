package org.example.deathcertificate.certificate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

@Validated
@ConfigurationProperties("certificates")
record CertificateProperties(
        @DefaultValue("20") @Min(1) @Max(200) int pageSize,
        @DefaultValue("200") @Min(1) @Max(1000) int maxPageSize) {}
