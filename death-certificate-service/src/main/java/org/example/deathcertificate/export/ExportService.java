package org.example.deathcertificate.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.example.deathcertificate.coding.CodingProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a period's final codings, ordered by certificate id, as CSV or JSON Lines straight from a database cursor
 * (memory does not grow with the period). The body is written twice in one repeatable-read snapshot: first only to
 * count it and take its SHA-256, so the count and the checksum go out as headers before the bytes, and the same
 * period exported again gives the same bytes as long as nothing in it was coded anew.
 */
@Service
public class ExportService {

    private static final TypeReference<List<ExportedCertificate.Line>> LINES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final ObjectMapper json;
    private final CsvMapper csv =
            CsvMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();
    private final CodingProperties coding;

    ExportService(
            DataSource dataSource,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            CodingProperties coding) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.coding = coding;
    }

    /** Where the body goes once its summary is known. */
    @FunctionalInterface
    public interface Target {
        OutputStream open(ExportSummary summary) throws IOException;
    }

    /** Counts and digests the export, hands the summary to the target, then streams the same bytes to it. */
    public ExportSummary export(ExportPeriod period, ExportFormat format, Target target) {
        return snapshot.execute(status -> {
            var summary = summarize(period, format);
            try (var body = target.open(summary)) {
                write(period, format, body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return summary;
        });
    }

    /** Count, length and SHA-256 of an export, without sending it. */
    public ExportSummary summary(ExportPeriod period, ExportFormat format) {
        return snapshot.execute(status -> summarize(period, format));
    }

    private ExportSummary summarize(ExportPeriod period, ExportFormat format) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var counting = new Counting(OutputStream.nullOutputStream());
            long count;
            try (var out = new DigestOutputStream(counting, digest)) {
                count = write(period, format, out);
            }
            return new ExportSummary(
                    period.prefix(),
                    format,
                    count,
                    counting.bytes,
                    HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long write(ExportPeriod period, ExportFormat format, OutputStream out) throws IOException {
        var buffered = new BufferedOutputStream(out, 64 * 1024);
        long[] count = {0};
        try (SequenceWriter rows = format == ExportFormat.CSV
                ? csv.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValues(buffered)
                : null) {
            if (rows != null) {
                rows.write(ExportedCertificate.CSV_HEADER);
            }
            jdbc.query(
                    SQL + (coding.secondCheckRequired() ? CHECKED_ONLY : "") + " order by c.certificate_id",
                    rs -> {
                        var record = read(rs);
                        try {
                            if (rows != null) {
                                rows.write(record.csvFields());
                            } else {
                                json.writeValue(buffered, record);
                                buffered.write('\n');
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        count[0]++;
                    },
                    period.likePattern());
            if (rows != null) {
                rows.flush();
            }
        }
        buffered.flush();
        return count[0];
    }

    private ExportedCertificate read(ResultSet rs) throws SQLException {
        try {
            return new ExportedCertificate(
                    rs.getString("certificate_id"),
                    rs.getString("personnummer"),
                    rs.getString("birth_date"),
                    rs.getString("date_of_death_text"),
                    rs.getString("place_of_death_municipality"),
                    rs.getString("channel"),
                    rs.getTimestamp("received_at").toInstant().toString(),
                    rs.getBoolean("injury_or_poisoning"),
                    rs.getString("injury_cause"),
                    rs.getString("underlying_cause"),
                    rs.getString("underlying_cause_who"),
                    json.readValue(rs.getString("lines"), LINES),
                    rs.getString("code_system_version"),
                    rs.getInt("version"),
                    rs.getString("coded_by"),
                    rs.getTimestamp("coded_at").toInstant().toString(),
                    rs.getString("checked_by"));
        } catch (IOException e) {
            throw new IllegalStateException("A stored coding could not be read", e);
        }
    }

    private static final String SQL = """
            select c.certificate_id, c.personnummer, c.birth_date, c.date_of_death_text, c.place_of_death_municipality,
                   c.channel, c.received_at, c.injury_or_poisoning, c.injury_cause,
                   l.id as coding_id, l.underlying_cause, l.underlying_cause_who, l.lines, l.code_system_version, l.version,
                   l.coded_by, l.coded_at,
                   (select string_agg(x.checked_by, ' ' order by x.checked_at, x.id) from coding_check x
                     where x.coding_id = l.id and x.agrees) as checked_by
              from death_certificate c
              join lateral (select * from coding k where k.certificate_id = c.certificate_id
                            order by k.version desc limit 1) l on true
             where c.status = 'RECEIVED' and c.date_of_death_text like ?
               and not exists (select 1 from death_certificate r
                                where r.replaces_certificate_id = c.certificate_id and r.status = 'RECEIVED')
            """;

    private static final String CHECKED_ONLY = """
               and exists (select 1 from coding_check x where x.coding_id = l.id and x.agrees)
               and not exists (select 1 from coding_check x where x.coding_id = l.id and not x.agrees)
            """;

    /** Counts the bytes that pass. */
    private static final class Counting extends FilterOutputStream {

        private long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
