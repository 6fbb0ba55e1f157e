package org.example.fmb.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class LookupStatisticsRepository {

    private final JdbcTemplate jdbc;

    LookupStatisticsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds counts in one batch; a row per diagnosis and day, summed on conflict. */
    void add(Map<LookupKey, Long> counts) {
        var rows = counts.entrySet().stream()
                .map(e -> new Object[] {
                    e.getKey().diagnosisId(), Date.valueOf(e.getKey().day()), e.getValue()
                })
                .toList();
        jdbc.batchUpdate("""
                insert into lookup_count (diagnosis_id, day, lookups) values (?, ?, ?)
                on conflict (diagnosis_id, day) do update set lookups = lookup_count.lookups + excluded.lookups
                """, rows);
    }

    List<DailyLookups> find(LocalDate from, LocalDate to, Long diagnosisId) {
        return jdbc.query(
                """
                select diagnosis_id, day, lookups from lookup_count
                where day between ? and ? and (cast(? as bigint) is null or diagnosis_id = ?)
                order by day, diagnosis_id
                """,
                (rs, i) -> new DailyLookups(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getLong(3)),
                Date.valueOf(from),
                Date.valueOf(to),
                diagnosisId,
                diagnosisId);
    }

    void addReads(Map<ReadKey, Long> counts) {
        jdbc.batchUpdate(
                """
                insert into collection_read_count (client, collection, day, reads) values (?, ?, ?, ?)
                on conflict (client, collection, day) do update set reads = collection_read_count.reads + excluded.reads
                """,
                counts.entrySet().stream()
                        .map(e -> new Object[] {
                            e.getKey().client(),
                            e.getKey().collection(),
                            Date.valueOf(e.getKey().day()),
                            e.getValue()
                        })
                        .toList());
    }

    void addChecks(Map<CheckKey, Long> counts) {
        jdbc.batchUpdate(
                """
                insert into sick_leave_check_count (icd10_code, outcome, day, checks) values (?, ?, ?, ?)
                on conflict (icd10_code, outcome, day) do update set checks = sick_leave_check_count.checks + excluded.checks
                """,
                counts.entrySet().stream()
                        .map(e -> new Object[] {
                            e.getKey().icd10Code(),
                            e.getKey().outcome().name(),
                            Date.valueOf(e.getKey().day()),
                            e.getValue()
                        })
                        .toList());
    }

    List<DailyCollectionReads> findReads(LocalDate from, LocalDate to) {
        return jdbc.query(
                "select day, client, collection, reads from collection_read_count where day between ? and ?"
                        + " order by day, client, collection",
                (rs, i) -> new DailyCollectionReads(
                        rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getLong(4)),
                Date.valueOf(from),
                Date.valueOf(to));
    }

    List<DailyChecks> findChecks(LocalDate from, LocalDate to) {
        return jdbc.query(
                "select day, icd10_code, outcome, checks from sick_leave_check_count where day between ? and ?"
                        + " order by day, icd10_code, outcome",
                (rs, i) -> new DailyChecks(
                        rs.getDate(1).toLocalDate(),
                        rs.getString(2),
                        CheckOutcome.valueOf(rs.getString(3)),
                        rs.getLong(4)),
                Date.valueOf(from),
                Date.valueOf(to));
    }

    record LookupKey(long diagnosisId, LocalDate day) {}

    record ReadKey(String client, String collection, LocalDate day) {}

    record CheckKey(String icd10Code, CheckOutcome outcome, LocalDate day) {}
}
