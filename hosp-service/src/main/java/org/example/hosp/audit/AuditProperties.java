package org.example.hosp.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings. {@code enabled=false} exists only to measure what the audit write costs; the service refuses to
 * start with it unless the {@code benchmark} profile is active.
 */
@ConfigurationProperties("hosp.audit")
record AuditProperties(@DefaultValue("true") boolean enabled) {}
