package org.example.fmb.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The values FMB allows for a diagnosis' disease group and for each selection criterion of a typical case, as the
 * FMB capture uses them ({@code fmb/code-lists.json}). The API refuses other values and the editor pages offer these.
 */
@Component
class CodeLists {

    /** One list; {@code key} names it in {@code code-lists.json}. */
    enum Kind {
        DISEASE_GROUP("diseaseGroups"),
        SEVERITY("severity"),
        COURSE("course"),
        MEASURE("measures"),
        MEASURE_STATUS("measureStatus"),
        WORKLOAD("workload"),
        COMPLICATING_FACTOR("complicatingFactors");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final Map<Kind, Map<String, Code>> lists = new EnumMap<>(Kind.class);

    CodeLists(ObjectMapper json) {
        try (var in = new ClassPathResource("fmb/code-lists.json").getInputStream()) {
            var tree = json.readTree(in);
            for (var kind : Kind.values()) {
                var codes = new LinkedHashMap<String, Code>();
                for (var node : tree.path(kind.key)) {
                    var code = json.treeToValue(node, Code.class);
                    codes.put(code.kod(), code);
                }
                if (codes.isEmpty()) {
                    throw new IllegalStateException("fmb/code-lists.json has no list " + kind.key);
                }
                lists.put(kind, codes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every list by its name in {@code code-lists.json} (e.g. {@code workload}), for the editor pages' choices. */
    Map<String, List<Code>> byName() {
        var byName = new LinkedHashMap<String, List<Code>>();
        lists.forEach((kind, codes) -> byName.put(kind.key, List.copyOf(codes.values())));
        return byName;
    }

    /** The criteria with every listed code replaced by the list's own object; a code not listed is left as it is. */
    Criteria normalized(Criteria c) {
        return new Criteria(
                groups(Kind.SEVERITY, c.severity()),
                groups(Kind.COURSE, c.course()),
                c.measures().stream()
                        .map(m -> new Criteria.Measure(
                                listed(Kind.MEASURE, m.codes()),
                                m.status() == null
                                        ? null
                                        : find(Kind.MEASURE_STATUS, m.status().kod())
                                                .orElse(m.status())))
                        .toList(),
                groups(Kind.WORKLOAD, c.workload()),
                groups(Kind.COMPLICATING_FACTOR, c.complicatingFactors()),
                c.comorbidity().stream()
                        .map(group -> group.stream()
                                .map(item -> new Criteria.Comorbidity(
                                        item.heading() == null
                                                ? null
                                                : item.heading().trim(),
                                        item.icd10Codes().stream()
                                                .map(code ->
                                                        Code.icd10(Code.normalized(code.kod()), code.beskrivning()))
                                                .toList()))
                                .toList())
                        .toList());
    }

    /**
     * What in the criteria the lists do not allow, named by the path of the field in the API's JSON, e.g.
     * {@code typicalCases[0].criteria.workload[1][0]}.
     */
    List<FieldMessage> problems(String field, Criteria c) {
        var errors = new ArrayList<FieldMessage>();
        groupProblems(errors, field + ".severity", Kind.SEVERITY, c.severity());
        groupProblems(errors, field + ".course", Kind.COURSE, c.course());
        groupProblems(errors, field + ".workload", Kind.WORKLOAD, c.workload());
        groupProblems(errors, field + ".complicatingFactors", Kind.COMPLICATING_FACTOR, c.complicatingFactors());
        for (int j = 0; j < c.measures().size(); j++) {
            var measure = c.measures().get(j);
            var name = field + ".measures[" + j + "]";
            if (measure.codes().isEmpty()) {
                errors.add(new FieldMessage(name + ".codes", "a measure needs at least one code"));
            }
            codeProblems(errors, name + ".codes", Kind.MEASURE, measure.codes());
            if (measure.status() != null
                    && find(Kind.MEASURE_STATUS, measure.status().kod()).isEmpty()) {
                errors.add(new FieldMessage(name + ".status", notListed(Kind.MEASURE_STATUS, measure.status())));
            }
        }
        for (int j = 0; j < c.comorbidity().size(); j++) {
            var group = c.comorbidity().get(j);
            if (group.isEmpty()) {
                errors.add(new FieldMessage(field + ".comorbidity[" + j + "]", "a group needs a comorbidity"));
            }
            for (int m = 0; m < group.size(); m++) {
                var item = group.get(m);
                var name = field + ".comorbidity[" + j + "][" + m + "]";
                if (item.heading() == null || item.heading().isBlank()) {
                    errors.add(new FieldMessage(name + ".heading", "is required"));
                }
                if (item.icd10Codes().isEmpty()) {
                    errors.add(new FieldMessage(name + ".icd10Codes", "at least one ICD-10-SE code is required"));
                }
                for (int k = 0; k < item.icd10Codes().size(); k++) {
                    var kod = item.icd10Codes().get(k).kod();
                    if (kod == null || kod.isBlank()) {
                        errors.add(new FieldMessage(name + ".icd10Codes[" + k + "].kod", "is required"));
                    }
                }
            }
        }
        return errors;
    }

    /** Why {@code code} is refused for a list, with the values it allows when they are few. */
    String notListed(Kind kind, Code code) {
        var allowed = lists.get(kind).keySet();
        return "'" + (code == null ? null : code.kod()) + "' is not in FMB's list for " + kind.key
                + (allowed.size() <= 20 ? " (" + String.join(", ", allowed) + ")" : "");
    }

    private void groupProblems(List<FieldMessage> errors, String field, Kind kind, List<List<Code>> groups) {
        for (int j = 0; j < groups.size(); j++) {
            if (groups.get(j).isEmpty()) {
                errors.add(new FieldMessage(field + "[" + j + "]", "a group needs at least one code"));
            }
            codeProblems(errors, field + "[" + j + "]", kind, groups.get(j));
        }
    }

    private void codeProblems(List<FieldMessage> errors, String field, Kind kind, List<Code> codes) {
        for (int k = 0; k < codes.size(); k++) {
            var code = codes.get(k);
            if (code == null || find(kind, code.kod()).isEmpty()) {
                errors.add(new FieldMessage(field + "[" + k + "]", notListed(kind, code)));
            }
        }
    }

    private List<List<Code>> groups(Kind kind, List<List<Code>> groups) {
        return groups.stream().map(group -> listed(kind, group)).toList();
    }

    private List<Code> listed(Kind kind, List<Code> codes) {
        return codes.stream()
                .map(code -> code == null ? null : find(kind, code.kod()).orElse(code))
                .toList();
    }

    /** The list's code object for {@code kod} (its system, system name and text as FMB gives them). */
    Optional<Code> find(Kind kind, String kod) {
        return kod == null
                ? Optional.empty()
                : Optional.ofNullable(lists.get(kind).get(kod.trim()));
    }
}
