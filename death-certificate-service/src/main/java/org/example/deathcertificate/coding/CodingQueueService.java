package org.example.deathcertificate.coding;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.example.deathcertificate.certificate.Channel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certificates waiting for a coder: received, not revoked, not replaced by a later certificate, with no coding
 * yet, oldest arrival first. Filters:
 * channel, month of death (a partial date of death counts in its month), region (from the municipality of death).
 */
@Service
@Transactional(readOnly = true)
public class CodingQueueService {

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final CodingProperties properties;

    CodingQueueService(JdbcTemplate jdbc, Regions regions, CodingProperties properties) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.properties = properties;
    }

    public QueuePage queue(Channel channel, YearMonth month, String region, int offset, Integer limit) {
        var where = new StringBuilder(" from death_certificate c where c.status = 'RECEIVED'"
                + " and not exists (select 1 from coding k where k.certificate_id = c.certificate_id)"
                + " and not exists (select 1 from death_certificate r where r.replaces_certificate_id = c.certificate_id"
                + " and r.status = 'RECEIVED')");
        var arguments = new ArrayList<Object>();
        if (channel != null) {
            where.append(" and c.channel = ?");
            arguments.add(channel.name());
        }
        if (month != null) {
            where.append(" and c.date_of_death_text like ?");
            arguments.add(month + "-%");
        }
        if (region != null && !region.isBlank()) {
            var municipalities = regions.municipalitiesOf(region);
            if (municipalities.isEmpty()) {
                throw new UnknownRegionException(region);
            }
            where.append(
                    " and regexp_replace(lower(trim(c.place_of_death_municipality)), '\\s+kommun$', '') = any (?)");
            arguments.add(municipalities.toArray(String[]::new));
        }
        var total = jdbc.queryForObject("select count(*)" + where, Long.class, arguments.toArray());
        int size = limit == null ? properties.queuePageSize() : Math.min(Math.max(limit, 1), 500);
        int from = Math.max(offset, 0);
        var pageArguments = new ArrayList<>(arguments);
        pageArguments.add(size);
        pageArguments.add(from);
        List<QueueEntry> entries = jdbc.query(
                "select c.certificate_id, c.channel, c.date_of_death_text,"
                        + " c.place_of_death_municipality, c.received_at" + where
                        + " order by c.received_at, c.id limit ? offset ?",
                (rs, row) -> new QueueEntry(
                        rs.getString(1),
                        Channel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        regions.regionOf(rs.getString(4)).orElse(null),
                        rs.getTimestamp(5).toInstant()),
                pageArguments.toArray());
        return new QueuePage(total == null ? 0 : total, from, entries);
    }
}
