package org.example.hosp.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.example.hosp.access.Caller;
import org.example.hosp.identity.IdentityNumber;
import org.example.platform.web.RequestIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes audit rows inside the read's own transaction (a read without a transaction cannot be audited and fails),
 * and searches them.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final JdbcClient jdbc;
    private final boolean enabled;

    AuditService(JdbcClient jdbc, AuditProperties properties, Environment environment) {
        this.jdbc = jdbc;
        this.enabled = properties.enabled();
        if (!enabled) {
            if (!environment.acceptsProfiles(Profiles.of("benchmark"))) {
                throw new IllegalStateException(
                        "hosp.audit.enabled=false is only allowed with the benchmark profile; every read must be audited");
            }
            log.warn("AUDIT IS OFF (benchmark profile): reads are not audited. Never run this in production.");
        }
    }

    /** Whether reads are audited: always, except under the benchmark profile's comparison without the audit write. */
    public boolean enabled() {
        return enabled;
    }

    /** All rows in one statement (a single multi-row insert), whatever their number. */
    public void recordAll(Caller caller, List<AuditRecord> reads) {
        requireTransaction();
        if (!enabled || reads.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into audit_entry (client_id, organisation, actor_type, access_kind, identity_number, outcome,
                    items, request_id)
                select :clientId, :organisation, :actorType, r.kind, r.identity_number, r.outcome,
                    cast(r.items as smallint[]), :requestId
                from unnest(cast(:kinds as varchar[]), cast(:numbers as varchar[]), cast(:outcomes as varchar[]),
                    cast(:items as varchar[])) with ordinality as r(kind, identity_number, outcome, items, position)
                order by r.position
                """)
                .param("clientId", caller.clientId())
                .param("organisation", caller.organisation())
                .param("actorType", caller.actorType())
                .param("kinds", reads.stream().map(read -> read.kind().name()).toArray(String[]::new))
                .param(
                        "numbers",
                        reads.stream()
                                .map(read -> read.identityNumber().value())
                                .toArray(String[]::new))
                .param("outcomes", reads.stream().map(AuditRecord::outcome).toArray(String[]::new))
                .param("items", reads.stream().map(AuditRecord::itemsLiteral).toArray(String[]::new))
                .param("requestId", RequestIdFilter.current())
                .update();
    }

    /**
     * Audit rows are written only in the read's own transaction, whichever transaction manager runs it (JDBC for
     * direct access, JPA for the change feed): without one there is nothing to commit them with, so the read fails.
     */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An audit row is written only in the read's own transaction");
        }
    }

    @Transactional(readOnly = true)
    public AuditPage search(IdentityNumber identityNumber, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        var where = """
                where (cast(:identityNumber as varchar) is null or identity_number = :identityNumber)
                  and (cast(:from as timestamptz) is null or occurred_at >= :from)
                  and (cast(:to as timestamptz) is null or occurred_at < :to)
                """;
        var number = identityNumber == null ? null : identityNumber.value();
        long total = jdbc.sql("select count(*) from audit_entry " + where)
                .param("identityNumber", number)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        var entries = jdbc.sql("select * from audit_entry " + where + " order by occurred_at desc, id desc "
                        + "limit :size offset :offset")
                .param("identityNumber", number)
                .param("from", from)
                .param("to", to)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> entry(rs))
                .list();
        return new AuditPage(entries, page, size, total, (int) ((total + size - 1) / size));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        var items = Arrays.stream((Object[]) rs.getArray("items").getArray())
                .map(number -> ((Number) number).intValue())
                .toList();
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("client_id"),
                rs.getString("organisation"),
                rs.getString("actor_type"),
                rs.getString("access_kind"),
                rs.getString("identity_number"),
                rs.getString("outcome"),
                items,
                rs.getString("request_id"));
    }
}
