package org.example.fmb.codes;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codeserverUrl base URL of codeserver-service (CODESERVER_URL)
 * @param icd10System   canonical URL of ICD-10-SE on the code server
 * @param icfSystem     canonical URL of ICF on the code server
 * @param timeout       connect and read timeout of one call
 * @param openFor       after a failure, how long calls are skipped before the code server is tried again
 * @param cacheFor      how long an answer (valid / not valid) is remembered
 * @param cacheSize     how many answers are remembered at most (least recently used ones go first)
 */
@ConfigurationProperties("fmb.codes")
record CodeValidationProperties(
        @DefaultValue("http://localhost:8082") String codeserverUrl,

        @DefaultValue("http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se")
        String icd10System,

        @DefaultValue("http://socialstyrelsen.se/fhir/CodeSystem/icf")
        String icfSystem,

        @DefaultValue("800ms") Duration timeout,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("1h") Duration cacheFor,
        @DefaultValue("20000") long cacheSize) {}
