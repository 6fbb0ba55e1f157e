package org.example.fmb.adherence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.example.fmb.adherence.InvalidEpisodesException.LineError;
import org.example.fmb.content.PublishedContentService;
import org.example.fmb.sickleave.SickLeaveCheckService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adherence to FMB: an analyst's upload of anonymised sick-leave episodes is read as a stream, checked line by line
 * and copied into PostgreSQL, which works out per diagnosis, region and month the episodes, the median and the
 * 75th/90th percentile of the length, and how many lasted no longer than the recommended maximum of their code (the
 * sick-leave check's rule). An upload with a bad line keeps nothing.
 */
@Service
@Transactional(readOnly = true)
public class AdherenceService {

    /** Bad lines named in the answer; beyond these the answer gives their number. */
    static final int NAMED_ERRORS = 1000;

    private final AdherenceRepository repository;
    private final SickLeaveCheckService recommendations;
    private final PublishedContentService content;
    private final Clock clock;

    AdherenceService(
            AdherenceRepository repository,
            SickLeaveCheckService recommendations,
            PublishedContentService content,
            Clock clock) {
        this.repository = repository;
        this.recommendations = recommendations;
        this.content = content;
        this.clock = clock;
    }

    /**
     * Reads, checks and analyses an upload. An unreadable body (a broken gzip, a connection lost, a body over the
     * size limit) is an {@link IOException}, and like a bad line it leaves nothing stored.
     */
    @Transactional(rollbackFor = Exception.class)
    public UploadSummary upload(InputStream csv, String actor) throws IOException {
        var uploadId = repository.startUpload(clock.instant(), actor);
        var copy = repository.startCopy(uploadId);
        var errors = new ArrayList<LineError>();
        long invalid = 0;
        long episodes = 0;
        try (var reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8), 1 << 16)) {
            var header = reader.readLine();
            long number = 1;
            if (header == null
                    || !EpisodeLine.HEADER.equals(header.replace("\uFEFF", "").strip())) {
                invalid++;
                errors.add(new LineError(1, "the first line must be the header " + EpisodeLine.HEADER));
            }
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                var parsed = EpisodeLine.parse(line);
                if (parsed.episode() == null) {
                    if (invalid++ == 0) {
                        copy.abort();
                    }
                    if (errors.size() < NAMED_ERRORS) {
                        errors.add(new LineError(number, String.join("; ", parsed.problems())));
                    }
                } else if (invalid == 0) {
                    copy.write(parsed.episode().copyRow());
                    episodes++;
                }
            }
        } catch (IOException | RuntimeException e) {
            copy.abort();
            throw e;
        }
        if (invalid > 0) {
            copy.abort();
            throw new InvalidEpisodesException(
                    invalid + " line(s) are not episodes of the format; nothing was stored.", errors, invalid);
        }
        copy.finish();
        if (episodes == 0) {
            throw new InvalidEpisodesException(
                    "The file holds no episodes.", List.of(new LineError(2, "no episode after the header")), 0);
        }
        var rows = new ArrayList<Object[]>();
        for (var code : repository.distinctCodes(uploadId)) {
            var recommendation = recommendations.recommendationFor(code);
            rows.add(new Object[] {code, recommendation.diagnosisId(), recommendation.maximumDays()});
        }
        repository.recommendations(uploadId, rows);
        repository.storeFigures(uploadId);
        return repository.latestUpload().orElseThrow();
    }

    public Optional<UploadSummary> latestUpload() {
        return repository.latestUpload();
    }

    /** Per diagnosis, over all months, in one region or all ({@code region} empty). */
    public List<AdherenceFigure> byDiagnosis(String region) {
        return figures(null, region == null ? "" : region, false);
    }

    /** One diagnosis per region, over all months. */
    public List<AdherenceFigure> byRegion(long diagnosisId) {
        return figures(diagnosisId, null, false);
    }

    /** One diagnosis per month of the start, in one region or all ({@code region} empty). */
    public List<AdherenceFigure> byMonth(long diagnosisId, String region) {
        return figures(diagnosisId, region == null ? "" : region, true);
    }

    private List<AdherenceFigure> figures(Long diagnosisId, String region, boolean perMonth) {
        var upload = repository.latestUpload();
        if (upload.isEmpty()) {
            return List.of();
        }
        var published = content.current();
        return repository.figures(upload.get().id(), diagnosisId, region, perMonth).stream()
                .map(f -> AdherenceFigure.of(
                        f,
                        published
                                .diagnosis(f.diagnosisId())
                                .map(d -> d.content().title())
                                .orElse("Diagnos " + f.diagnosisId())))
                .toList();
    }
}
