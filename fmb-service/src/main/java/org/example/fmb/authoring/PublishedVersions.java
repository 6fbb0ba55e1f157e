package org.example.fmb.authoring;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The query through which the published picture reads the versions: what is served on a day, as records, and the
 * revision of the content (the latest workflow step) so a reader can tell whether anything changed.
 */
@Service
@Transactional(readOnly = true)
public class PublishedVersions {

    private final DiagnosisVersionRepository diagnoses;
    private final PrinciplesVersionRepository principles;
    private final VersionEventRepository events;

    PublishedVersions(
            DiagnosisVersionRepository diagnoses,
            PrinciplesVersionRepository principles,
            VersionEventRepository events) {
        this.diagnoses = diagnoses;
        this.principles = principles;
        this.events = events;
    }

    /** The id of the latest workflow step; it changes with every step. */
    public long revision() {
        return events.latestId();
    }

    /** The version of each diagnosis served on {@code day}, ordered by diagnosis id, its markup sanitised. */
    public List<PublishedDiagnosis> diagnosesServedOn(LocalDate day) {
        return diagnoses.findAllPublished().stream()
                .filter(version -> version.isServedOn(day))
                .map(version -> new PublishedDiagnosis(
                        version.getDiagnosisId(),
                        version.getVersionNumber(),
                        version.getValidFrom(),
                        version.getValidTo(),
                        version.getLastUpdated(),
                        version.content().sanitized()))
                .sorted(Comparator.comparingLong(PublishedDiagnosis::id))
                .toList();
    }

    /** The general principles served on {@code day}, their markup sanitised, if any are. */
    public Optional<PublishedPrinciples> principlesServedOn(LocalDate day) {
        return principles.findAllByOrderByVersionNumberDesc().stream()
                .filter(version -> version.isServedOn(day))
                .findFirst()
                .map(version -> new PublishedPrinciples(
                        version.getVersionNumber(),
                        version.getTitle(),
                        MarkupPolicy.sanitize(version.getMarkup()),
                        version.getValidFrom(),
                        version.getValidTo(),
                        version.getLastUpdated()));
    }
}
