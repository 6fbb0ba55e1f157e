package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores the reference content as published versions, within the importer's transaction. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ImportedVersions {

    /** What the import of one diagnosis did. */
    public enum Outcome {
        /** The diagnosis was new: its first version is published. */
        IMPORTED,
        /** An earlier release loaded it without its texts and nobody edited it since: its texts are completed. */
        COMPLETED,
        /** The diagnosis exists: left alone. */
        KEPT
    }

    private final DiagnosisRepository diagnoses;
    private final DiagnosisVersionRepository versions;
    private final PrinciplesVersionRepository principles;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ImportedVersions(
            DiagnosisRepository diagnoses,
            DiagnosisVersionRepository versions,
            PrinciplesVersionRepository principles,
            JdbcTemplate jdbc,
            Clock clock) {
        this.diagnoses = diagnoses;
        this.versions = versions;
        this.principles = principles;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishes a diagnosis of the reference content as it stands in the capture. */
    public Outcome importDiagnosis(
            long id, int versionNumber, DiagnosisContent content, LocalDate validFrom, OffsetDateTime lastUpdated) {
        if (diagnoses.existsById(id)) {
            var existing = versions.findByDiagnosisIdOrderByVersionNumberDesc(id);
            if (existing.size() == 1 && existing.get(0).isImportWithoutTexts()) {
                existing.get(0).completeImport(versionNumber, content, validFrom, lastUpdated, this::newTypicalCaseId);
                return Outcome.COMPLETED;
            }
            return Outcome.KEPT;
        }
        diagnoses.save(new Diagnosis(id, clock));
        versions.save(DiagnosisVersion.imported(
                id, versionNumber, content, validFrom, lastUpdated, this::newTypicalCaseId, clock));
        return Outcome.IMPORTED;
    }

    /** Publishes general principles from {@code validFrom} unless there are some already. */
    public void importPrinciplesIfNone(String title, String markup, LocalDate validFrom) {
        if (principles.count() == 0) {
            principles.save(PrinciplesVersion.imported(title, markup, validFrom, clock));
        }
    }

    private long newTypicalCaseId() {
        return jdbc.queryForObject("select nextval('typical_case_fmb_id')", Long.class);
    }
}
