package org.example.reactivetrial.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Requests per period for a client with a valid token (by subject) and for a caller without one (by address). */
@ConfigurationProperties("trial.limits")
record LimitProperties(long clientCapacity, long anonymousCapacity, Duration period) {}
