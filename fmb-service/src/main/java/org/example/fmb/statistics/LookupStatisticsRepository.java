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

    record LookupKey(long diagnosisId, LocalDate day) {}
}
