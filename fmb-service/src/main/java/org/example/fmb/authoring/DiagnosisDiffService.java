package org.example.fmb.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A readable diff between any two versions of a diagnosis, or a version and what an editor typed into it: sections
 * and typical cases side by side.
 */
@Service
@Transactional(readOnly = true)
public class DiagnosisDiffService {

    private final DiagnosisVersionRepository versions;

    DiagnosisDiffService(DiagnosisVersionRepository versions) {
        this.versions = versions;
    }

    public VersionDiff diff(long diagnosisId, int fromVersion, int toVersion) {
        return compare(
                diagnosisId,
                fromVersion,
                toVersion,
                find(diagnosisId, fromVersion).content(),
                find(diagnosisId, toVersion).content());
    }

    /** The saved version against what an editor typed into it (stored the way the workflow would store it). */
    VersionDiff unsaved(DiagnosisVersionDetails saved, DiagnosisContent typed) {
        return compare(saved.diagnosisId(), saved.versionNumber(), saved.versionNumber(), saved.content(), typed);
    }

    private static VersionDiff compare(
            long diagnosisId, int fromVersion, int toVersion, DiagnosisContent a, DiagnosisContent b) {
        var sections = new ArrayList<VersionDiff.SectionChange>();
        section(sections, "title", a.title(), b.title());
        section(sections, "diseaseGroup", text(a.diseaseGroup()), text(b.diseaseGroup()));
        section(sections, "icd10Codes", codes(a.icd10Codes()), codes(b.icd10Codes()));
        section(sections, "description", a.description(), b.description());
        section(
                sections,
                "insuranceMedicalInformation",
                a.insuranceMedicalInformation(),
                b.insuranceMedicalInformation());
        section(sections, "symptomsPrognosisTreatment", a.symptomsPrognosisTreatment(), b.symptomsPrognosisTreatment());
        section(sections, "rehabilitationInformation", a.rehabilitationInformation(), b.rehabilitationInformation());
        section(sections, "functionalImpairment", a.functionalImpairment(), b.functionalImpairment());
        section(
                sections,
                "functionalImpairmentCentral",
                codes(a.functionalImpairmentCentral()),
                codes(b.functionalImpairmentCentral()));
        section(
                sections,
                "functionalImpairmentComplementary",
                codes(a.functionalImpairmentComplementary()),
                codes(b.functionalImpairmentComplementary()));
        section(sections, "activityLimitation", a.activityLimitation(), b.activityLimitation());
        section(
                sections,
                "activityLimitationCentral",
                codes(a.activityLimitationCentral()),
                codes(b.activityLimitationCentral()));
        section(
                sections,
                "activityLimitationComplementary",
                codes(a.activityLimitationComplementary()),
                codes(b.activityLimitationComplementary()));
        section(
                sections,
                "references",
                a.references().toString(),
                b.references().toString());

        var before = index(a.typicalCases());
        var after = index(b.typicalCases());
        var ids = new java.util.TreeSet<Long>();
        ids.addAll(before.keySet());
        ids.addAll(after.keySet());
        var cases = new ArrayList<VersionDiff.TypicalCaseChange>();
        for (var id : ids) {
            var x = before.get(id);
            var y = after.get(id);
            var fields = new ArrayList<VersionDiff.SectionChange>();
            section(fields, "sentence", x == null ? null : x.sentence(), y == null ? null : y.sentence());
            section(
                    fields,
                    "conditionSentence",
                    x == null ? null : x.conditionSentence(),
                    y == null ? null : y.conditionSentence());
            section(fields, "description", x == null ? null : x.description(), y == null ? null : y.description());
            section(
                    fields,
                    "icd10Codes",
                    x == null ? null : codes(x.icd10Codes()),
                    y == null ? null : codes(y.icd10Codes()));
            section(
                    fields,
                    "criteria",
                    x == null ? null : x.criteria().toString(),
                    y == null ? null : y.criteria().toString());
            section(
                    fields,
                    "recommendation",
                    x == null ? null : x.recommendation(),
                    y == null ? null : y.recommendation());
            section(fields, "maxValue", x == null ? null : str(x.maxValue()), y == null ? null : str(y.maxValue()));
            section(fields, "maxUnit", x == null ? null : str(x.maxUnit()), y == null ? null : str(y.maxUnit()));
            section(fields, "maxDegree", x == null ? null : str(x.maxDegree()), y == null ? null : str(y.maxDegree()));
            var change = x == null
                    ? "ADDED"
                    : y == null
                            ? "REMOVED"
                            : fields.stream().anyMatch(VersionDiff.SectionChange::changed) ? "CHANGED" : "UNCHANGED";
            cases.add(new VersionDiff.TypicalCaseChange(
                    id,
                    change,
                    x,
                    y,
                    fields.stream().filter(VersionDiff.SectionChange::changed).toList()));
        }
        return new VersionDiff(diagnosisId, fromVersion, toVersion, sections, cases);
    }

    private DiagnosisVersion find(long diagnosisId, int versionNumber) {
        return versions.findByDiagnosisIdAndVersionNumber(diagnosisId, versionNumber)
                .orElseThrow(() -> new ContentNotFoundException(
                        "Diagnosis " + diagnosisId + " has no version " + versionNumber + "."));
    }

    /** The cases by FMB id; a new case (no id yet) gets a negative one. */
    private static Map<Long, TypicalCaseContent> index(List<TypicalCaseContent> cases) {
        var map = new LinkedHashMap<Long, TypicalCaseContent>();
        var unnumbered = 0L;
        for (var tc : cases) {
            map.put(tc.fmbId() == null ? --unnumbered : tc.fmbId(), tc);
        }
        return map;
    }

    private static void section(List<VersionDiff.SectionChange> into, String name, String from, String to) {
        into.add(new VersionDiff.SectionChange(name, from, to, !Objects.equals(from, to)));
    }

    private static String codes(List<Code> codes) {
        return String.join(
                ", ",
                codes.stream()
                        .map(c -> c.kod() + (c.beskrivning() == null ? "" : " " + c.beskrivning()))
                        .toList());
    }

    private static String text(Code code) {
        return code == null ? null : code.kod() + " " + code.beskrivning();
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
