package org.example.fmb.authoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The editors' list of diagnoses: for each, the served version, the version in progress and the last step. */
@Component
@Transactional(readOnly = true)
class DiagnosisOverviews {

    private final DiagnosisVersionRepository versions;
    private final VersionEventRepository events;
    private final Clock clock;

    DiagnosisOverviews(DiagnosisVersionRepository versions, VersionEventRepository events, Clock clock) {
        this.versions = versions;
        this.events = events;
        this.clock = clock;
    }

    public List<DiagnosisOverview> all() {
        var today = LocalDate.now(clock);
        var byDiagnosis = new LinkedHashMap<Long, List<DiagnosisVersion>>();
        versions.findAllOrdered()
                .forEach(v -> byDiagnosis
                        .computeIfAbsent(v.getDiagnosisId(), id -> new ArrayList<>())
                        .add(v));
        var lastEvents = new HashMap<Long, VersionEvent>();
        events.findLatestPerDiagnosisVersion().forEach(e -> lastEvents.put(e.getDocumentVersionId(), e));
        var result = new ArrayList<DiagnosisOverview>();
        byDiagnosis.forEach((id, list) -> {
            var served =
                    list.stream().filter(v -> v.isServedOn(today)).findFirst().orElse(null);
            var open =
                    list.stream().filter(DiagnosisVersion::isOpen).findFirst().orElse(null);
            var latest = list.get(list.size() - 1);
            var last = list.stream()
                    .map(v -> lastEvents.get(v.getId()))
                    .filter(Objects::nonNull)
                    .max(Comparator.comparing(VersionEvent::getId))
                    .orElse(null);
            result.add(new DiagnosisOverview(
                    id,
                    (open != null ? open : served != null ? served : latest).getTitle(),
                    served == null ? null : served.getVersionNumber(),
                    open == null ? null : open.getVersionNumber(),
                    open == null ? null : open.getStatus(),
                    last == null ? "IMPORTED" : last.getAction(),
                    last == null ? latest.getCreatedBy() : last.getActor(),
                    last == null ? latest.getCreatedAt() : last.getOccurredAt()));
        });
        return result;
    }
}
