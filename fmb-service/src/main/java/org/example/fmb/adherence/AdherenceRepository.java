package org.example.fmb.adherence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The episodes of an upload go by COPY into a scratch table, PostgreSQL works out the figures from there, and the
 * episodes are deleted in the same transaction; only the figures (and each code's diagnosis and maximum) are kept.
 */
@Repository
class AdherenceRepository {

    /** The month of the rows over all months. */
    static final LocalDate ALL_MONTHS = LocalDate.of(1900, 1, 1);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    AdherenceRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    long startUpload(Instant at, String actor) {
        return jdbc.queryForObject(
                "insert into adherence_upload (uploaded_at, uploaded_by) values (?, ?) returning id",
                Long.class,
                Timestamp.from(at),
                actor);
    }

    /** Starts the COPY of an upload's episodes; call within the transaction of the upload. */
    EpisodeCopy startCopy(long uploadId) {
        try {
            var connection = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class);
            return new EpisodeCopy(
                    uploadId,
                    connection
                            .getCopyAPI()
                            .copyIn("copy adherence_episode (upload_id, code, month, length_days, region) from stdin"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the COPY of the episodes", e);
        }
    }

    List<String> distinctCodes(long uploadId) {
        return jdbc.queryForList(
                "select distinct code from adherence_episode where upload_id = ?", String.class, uploadId);
    }

    /** Which diagnosis and recommended maximum each code of the upload has (rows: code, diagnosis id, days). */
    void recommendations(long uploadId, List<Object[]> codeDiagnosisAndMaximum) {
        jdbc.batchUpdate(
                "insert into adherence_code (upload_id, code, diagnosis_id, max_days) values (?, ?, ?, ?)",
                codeDiagnosisAndMaximum.stream()
                        .map(row -> new Object[] {uploadId, row[0], row[1], row[2]})
                        .toList());
    }

    /** Works out and stores the upload's figures, and deletes its episodes. */
    void storeFigures(long uploadId) {
        // The scratch table is empty between uploads, and so are its statistics once autovacuum has looked: without
        // fresh ones the planner takes the upload's million rows for one and joins them by nested loop (minutes, not
        // seconds). ANALYZE here samples the rows this transaction copied in.
        jdbc.execute("analyze adherence_episode");
        jdbc.update("""
                update adherence_upload u set episodes = s.episodes, without_recommendation = s.without,
                    first_month = s.first_month, last_month = s.last_month
                from (select count(*) as episodes, count(*) filter (where r.max_days is null) as without,
                        min(e.month) as first_month, max(e.month) as last_month
                      from adherence_episode e join adherence_code r on r.upload_id = e.upload_id and r.code = e.code
                      where e.upload_id = ?) s
                where u.id = ?
                """, uploadId, uploadId);
        jdbc.update("""
                insert into adherence_figure (upload_id, diagnosis_id, region, month, episodes, median_days, p75_days,
                    p90_days, max_days, within_max)
                select ?, r.diagnosis_id,
                       case when grouping(e.region) = 1 then '' else e.region end,
                       case when grouping(e.month) = 1 then ? else e.month end,
                       count(*),
                       percentile_disc(0.5) within group (order by e.length_days),
                       percentile_disc(0.75) within group (order by e.length_days),
                       percentile_disc(0.9) within group (order by e.length_days),
                       max(r.max_days),
                       count(*) filter (where e.length_days <= r.max_days)
                from adherence_episode e join adherence_code r on r.upload_id = e.upload_id and r.code = e.code
                where e.upload_id = ? and r.diagnosis_id is not null
                group by grouping sets ((r.diagnosis_id, e.region, e.month), (r.diagnosis_id, e.region),
                    (r.diagnosis_id, e.month), (r.diagnosis_id))
                """, uploadId, ALL_MONTHS, uploadId);
        jdbc.update("delete from adherence_episode where upload_id = ?", uploadId);
    }

    Optional<UploadSummary> latestUpload() {
        return jdbc
                .query(
                        """
                        select id, uploaded_at, episodes, without_recommendation, first_month, last_month
                        from adherence_upload where episodes > 0 order by id desc limit 1
                        """,
                        (rs, i) -> new UploadSummary(
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getLong(3),
                                rs.getLong(4),
                                month(rs.getDate(5)),
                                month(rs.getDate(6))))
                .stream()
                .findFirst();
    }

    /**
     * Figures of an upload: for one diagnosis or all ({@code null}), one region, all regions ({@code ""}) or each
     * region ({@code null}), and over all months or per month.
     */
    List<Figure> figures(long uploadId, Long diagnosisId, String region, boolean perMonth) {
        return jdbc.query(
                """
                select diagnosis_id, region, month, episodes, median_days, p75_days, p90_days, max_days, within_max
                from adherence_figure
                where upload_id = ?
                  and (cast(? as bigint) is null or diagnosis_id = ?)
                  and (cast(? as text) is null and region <> '' or region = ?)
                  and (? and month <> ? or not ? and month = ?)
                order by diagnosis_id, region, month
                """,
                (rs, i) -> new Figure(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getDate(3).toLocalDate().equals(ALL_MONTHS) ? null : month(rs.getDate(3)),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        (Integer) rs.getObject(8),
                        rs.getLong(9)),
                uploadId,
                diagnosisId,
                diagnosisId,
                region,
                region,
                perMonth,
                ALL_MONTHS,
                perMonth,
                ALL_MONTHS);
    }

    private static YearMonth month(java.sql.Date date) {
        return date == null ? null : YearMonth.from(date.toLocalDate());
    }

    /** A row of figures as stored. */
    record Figure(
            long diagnosisId,
            String region,
            YearMonth month,
            long episodes,
            int medianDays,
            int p75Days,
            int p90Days,
            Integer maxDays,
            long withinMax) {}

    /** Writes rows to the COPY in blocks of 64 kB, so an upload of any size takes the same memory. */
    static final class EpisodeCopy {

        private static final int BLOCK = 1 << 16;
        private final String uploadId;
        private final CopyIn copy;
        private final StringBuilder block = new StringBuilder(BLOCK + 256);

        private EpisodeCopy(long uploadId, CopyIn copy) {
            this.uploadId = Long.toString(uploadId);
            this.copy = copy;
        }

        void write(String row) {
            block.append(uploadId).append('\t').append(row);
            if (block.length() >= BLOCK) {
                send();
            }
        }

        long finish() {
            try {
                send();
                return copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not finish the COPY of the episodes", e);
            }
        }

        void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not cancel the COPY of the episodes", e);
            }
        }

        private void send() {
            if (block.isEmpty()) {
                return;
            }
            var bytes = block.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("Could not write episodes to the database", e));
            }
            block.setLength(0);
        }
    }
}
