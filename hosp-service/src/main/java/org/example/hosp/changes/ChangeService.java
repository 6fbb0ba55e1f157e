package org.example.hosp.changes;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import org.example.hosp.access.Caller;
import org.example.hosp.access.RegisterItem;
import org.example.hosp.audit.AccessKind;
import org.example.hosp.audit.AuditRecord;
import org.example.hosp.audit.AuditService;
import org.example.hosp.identity.IdentityNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes change events in the registrar's transaction, and reads them by cursor for the caller's items. */
@Service
public class ChangeService {

    /** Serialises writers so that events become visible in sequence order and a cursor never skips one. */
    private static final long FEED_LOCK = 0x486f5370L;

    private static final String CURSOR_PREFIX = "c1:";

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    ChangeService(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(NewChange change) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", FEED_LOCK)
                .query()
                .singleRow();
        var items = EnumSet.of(RegisterItem.IDENTITY);
        items.addAll(change.items());
        jdbc.sql("""
                insert into register_change (identity_number, kind, items, profession_code, speciality_code,
                    restriction_id, restriction_code, effective_on, changed_by)
                values (:identityNumber, :kind, :items, :professionCode, :specialityCode, :restrictionId,
                    :restrictionCode, :effectiveOn, :changedBy)
                """)
                .param("identityNumber", change.identityNumber().value())
                .param("kind", change.kind().name())
                .param("items", numbers(items))
                .param("professionCode", change.professionCode())
                .param("specialityCode", change.specialityCode())
                .param("restrictionId", change.restrictionId())
                .param("restrictionCode", change.restrictionCode())
                .param("effectiveOn", change.effectiveOn())
                .param("changedBy", change.changedBy())
                .update();
    }

    /**
     * The events after the cursor that carry only items the caller may see, oldest first, with one audit row per
     * person in the page written in the same transaction.
     */
    @Transactional
    public ChangePage read(Caller caller, String after, int limit) {
        var from = after == null || after.isBlank() ? 0L : decode(after);
        var entries = jdbc.sql("""
                select c.sequence, c.occurred_at, c.identity_number, c.kind, c.items, c.profession_code,
                    c.speciality_code, c.restriction_id, c.restriction_code, c.effective_on, p.protected_identity
                from register_change c join person p on p.identity_number = c.identity_number
                where c.sequence > :after and c.items <@ cast(:allowed as smallint[])
                order by c.sequence
                limit :limit
                """)
                .param("after", from)
                .param("allowed", numbers(caller.items()))
                .param("limit", limit)
                .query((rs, row) -> entry(rs))
                .list();
        var audited = new LinkedHashMap<String, AuditRecord>();
        for (var entry : entries) {
            var items = entry.kind() == null ? Set.of(RegisterItem.IDENTITY) : entry.items();
            audited.merge(
                    entry.change().identityNumber(),
                    new AuditRecord(
                            IdentityNumber.parse(entry.change().identityNumber(), clock),
                            AccessKind.CHANGE_FEED,
                            entry.kind() == null ? AuditRecord.PROTECTED_IDENTITY : AuditRecord.FOUND,
                            items),
                    AuditRecord::union);
        }
        audit.recordAll(caller, new ArrayList<>(audited.values()));
        var next = entries.isEmpty() ? from : entries.get(entries.size() - 1).sequence();
        return new ChangePage(entries.stream().map(Row::change).toList(), encode(next), entries.size() == limit);
    }

    private static Row entry(ResultSet rs) throws SQLException {
        var sequence = rs.getLong("sequence");
        var cursor = encode(sequence);
        var occurredAt = rs.getObject("occurred_at", OffsetDateTime.class);
        var identityNumber = rs.getString("identity_number");
        if (rs.getBoolean("protected_identity")) {
            return new Row(
                    sequence,
                    null,
                    Set.of(RegisterItem.IDENTITY),
                    new ChangeEntry(cursor, occurredAt, identityNumber, null, null, null, null, null, null));
        }
        var restrictionId = rs.getObject("restriction_id", Long.class);
        var kind = rs.getString("kind");
        return new Row(
                sequence,
                kind,
                items(rs.getArray("items")),
                new ChangeEntry(
                        cursor,
                        occurredAt,
                        identityNumber,
                        kind,
                        rs.getString("profession_code"),
                        rs.getString("speciality_code"),
                        restrictionId,
                        rs.getString("restriction_code"),
                        rs.getObject("effective_on", LocalDate.class)));
    }

    private static Set<RegisterItem> items(Array array) throws SQLException {
        var items = EnumSet.noneOf(RegisterItem.class);
        for (var number : (Object[]) array.getArray()) {
            items.add(RegisterItem.of(((Number) number).intValue()));
        }
        return items;
    }

    private static Integer[] numbers(Set<RegisterItem> items) {
        return items.stream().map(RegisterItem::number).sorted().toArray(Integer[]::new);
    }

    static String encode(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + sequence).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new InvalidCursorException();
            }
            var sequence = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            if (sequence < 0) {
                throw new InvalidCursorException();
            }
            return sequence;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    private record Row(long sequence, String kind, Set<RegisterItem> items, ChangeEntry change) {}
}
