package org.example.deathcertificate.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aggregates over the stored certificates and their codings, all in the database; nothing personal leaves it. */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final JdbcTemplate jdbc;

    StatisticsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Statistics statistics(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidPeriodException(from, to);
        }
        var start = Timestamp.from(from.atStartOfDay(SWEDEN).toInstant());
        var end = Timestamp.from(to.plusDays(1).atStartOfDay(SWEDEN).toInstant());
        var perMonth = new LinkedHashMap<String, long[]>();
        jdbc.query(
                """
                select to_char(c.received_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month, c.channel, count(*) as n,
                       count(*) filter (where exists (select 1 from coding k where k.certificate_id = c.certificate_id)) as coded
                  from death_certificate c
                 where c.received_at >= ? and c.received_at < ?
                 group by 1, 2 order by 1, 2
                """,
                rs -> {
                    var counts = perMonth.computeIfAbsent(rs.getString("month"), m -> new long[4]);
                    int channel = switch (rs.getString("channel")) {
                        case "WEBCERT" -> 0;
                        case "PAPER" -> 1;
                        default -> 2;
                    };
                    counts[channel] += rs.getLong("n");
                    counts[3] += rs.getLong("coded");
                },
                start,
                end);
        var months = new ArrayList<Statistics.Month>();
        long webcert = 0;
        long paper = 0;
        long api = 0;
        long coded = 0;
        for (Map.Entry<String, long[]> entry : perMonth.entrySet()) {
            var c = entry.getValue();
            var counts = Statistics.Counts.of(c[0], c[1], c[2]);
            months.add(new Statistics.Month(entry.getKey(), counts, c[3], counts.total() - c[3]));
            webcert += c[0];
            paper += c[1];
            api += c[2];
            coded += c[3];
        }
        var total = Statistics.Counts.of(webcert, paper, api);
        long uncodedInPeriod = total.total() - coded;
        var arrival = leadTime("""
                select count(*), avg(d), percentile_cont(0.5) within group (order by d), percentile_cont(0.9) within group (order by d)
                  from (select (c.received_at at time zone 'Europe/Stockholm')::date - c.date_of_death as d
                          from death_certificate c
                         where c.received_at >= ? and c.received_at < ? and c.date_of_death is not null) t
                """, start, end);
        var coding = leadTime("""
                select count(*), avg(d), percentile_cont(0.5) within group (order by d), percentile_cont(0.9) within group (order by d)
                  from (select (k.coded_at at time zone 'Europe/Stockholm')::date - c.date_of_death as d
                          from death_certificate c join coding k on k.certificate_id = c.certificate_id and k.version = 1
                         where c.received_at >= ? and c.received_at < ? and c.date_of_death is not null) t
                """, start, end);
        var backlog = jdbc.queryForObject(
                """
                select count(*), min(c.received_at) from death_certificate c
                 where c.status = 'RECEIVED' and not exists (select 1 from coding k where k.certificate_id = c.certificate_id)
                   and not exists (select 1 from death_certificate r
                                    where r.replaces_certificate_id = c.certificate_id and r.status = 'RECEIVED')
                """,
                (rs, row) -> new Statistics.Backlog(
                        rs.getLong(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(),
                        uncodedInPeriod));
        return new Statistics(from, to, months, total, arrival, coding, backlog);
    }

    private Statistics.LeadTime leadTime(String sql, Object... arguments) {
        return jdbc.queryForObject(
                sql,
                (rs, row) -> new Statistics.LeadTime(
                        rs.getLong(1), number(rs.getObject(2)), number(rs.getObject(3)), number(rs.getObject(4))),
                arguments);
    }

    private static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
