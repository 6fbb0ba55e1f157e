package org.example.fmb.diagnosis;

import java.time.LocalDate;
import java.util.List;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.PublishedDiagnosis;

/** One line of the diagnosis list. */
public record DiagnosisSummary(
        long id,
        int version,
        String title,
        List<String> icd10Codes,
        String diseaseGroup,
        LocalDate validFrom,
        int typicalCases) {

    static DiagnosisSummary of(PublishedDiagnosis d) {
        var c = d.content();
        return new DiagnosisSummary(
                d.id(),
                d.versionNumber(),
                c.title(),
                c.icd10Codes().stream().map(Code::kod).toList(),
                c.diseaseGroup() == null ? null : c.diseaseGroup().beskrivning(),
                d.validFrom(),
                c.typicalCases().size());
    }
}
