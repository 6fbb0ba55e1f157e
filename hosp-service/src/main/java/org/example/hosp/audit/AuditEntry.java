package org.example.hosp.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** One audit row as the register's staff see it. */
public record AuditEntry(
        long id,
        OffsetDateTime occurredAt,
        String clientId,
        String organisation,
        String actorType,
        String accessKind,
        String identityNumber,
        String outcome,
        List<Integer> items,
        String requestId) {}
