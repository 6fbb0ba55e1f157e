package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.hl7.fhir.r5.context.ExpansionOptions;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.ValueSet;
import org.hl7.fhir.r5.model.ValueSet.ConceptSetComponent;
import org.hl7.fhir.r5.model.ValueSet.ValueSetExpansionContainsComponent;
import org.hl7.fhir.utilities.Utilities;
import org.hl7.fhir.utilities.VersionUtilities;

/**
 * The expansion of a value set that includes several versions of one code system (pinned, or one pinned and one
 * without a version, which means the latest): by FHIR's rules it holds the union
 * of the codes of every version it names (the HL7 engine keeps one code per system and code, so code2 of version 1
 * and code2 of version 2 would be one). The value set is expanded once per version, the includes of that system
 * restricted to it, and the results are merged, each code with its version. An exclude with a version removes codes
 * of that version only; one without a version removes them in every version.
 */
final class VersionUnion {

    private final String system;
    private final List<String> versions;

    private VersionUnion(String system, List<String> versions) {
        this.system = system;
        this.versions = versions;
    }

    /**
     * The union to build for the value set, or null when it names no code system in two or more versions (a system
     * whose version the request forces with {@code force-system-version} has one version only).
     */
    static VersionUnion of(ValueSet valueSet, Parameters parameters) {
        var bySystem = new LinkedHashMap<String, List<String>>();
        for (var include : valueSet.getCompose().getInclude()) {
            if (include.hasSystem() && include.hasVersion()) {
                var versions = bySystem.computeIfAbsent(include.getSystem(), s -> new ArrayList<>());
                if (!versions.contains(include.getVersion())) {
                    versions.add(include.getVersion());
                }
            }
        }
        for (var p : parameters.getParameter()) {
            if ("force-system-version".equals(p.getName())
                    && p.hasValue()
                    && p.getValue().isPrimitive()) {
                var forced = p.getValue().primitiveValue();
                bySystem.keySet().removeIf(system -> forced != null && forced.startsWith(system + "|"));
            }
        }
        for (var entry : bySystem.entrySet()) {
            var versions = new ArrayList<>(entry.getValue());
            versions.sort((a, b) -> VersionUtilities.compareVersions(b, a));
            boolean unversioned = valueSet.getCompose().getInclude().stream()
                    .anyMatch(i -> entry.getKey().equals(i.getSystem()) && !i.hasVersion());
            if (unversioned) {
                versions.add(null);
            }
            if (versions.size() > 1) {
                return new VersionUnion(entry.getKey(), versions);
            }
        }
        return null;
    }

    /**
     * Expands every version's part, the latest version first and the includes without a version last, and merges
     * them. Paging applies to the merged list, so {@code count} and {@code offset} are not given to the parts.
     */
    ValueSet expand(SimpleWorkerContext context, ValueSet valueSet, Parameters parameters, ValueSetExpansion request) {
        var partParameters = new Parameters();
        parameters.getParameter().stream()
                .filter(p -> !Utilities.existsInList(p.getName(), "count", "offset"))
                .forEach(p -> partParameters.addParameter(p.copy()));
        var flat =
                new ExpansionOptions(false, false, 0, false, request.languages().preferred());
        ValueSet merged = null;
        var codes = new LinkedHashMap<String, ValueSetExpansionContainsComponent>();
        for (int i = 0; i < versions.size(); i++) {
            var version = versions.get(i);
            var part = part(valueSet, version, i == 0);
            var outcome = context.expandVS(flat, part, partParameters, true);
            if (outcome.getValueset() == null) {
                throw ReferenceExpansion.expansionFailure(
                        outcome.getError(), outcome.getErrorClass(), outcome.getIssues());
            }
            var expanded = outcome.getValueset();
            var used = version != null ? version : usedVersion(expanded);
            if (merged == null) {
                merged = expanded;
            } else {
                for (var p : expanded.getExpansion().getParameter()) {
                    var known = merged.getExpansion().getParameter().stream()
                            .anyMatch(m -> m.getName().equals(p.getName())
                                    && m.getValue().equalsDeep(p.getValue()));
                    if (!known) {
                        merged.getExpansion().addParameter(p.copy());
                    }
                }
            }
            for (var c : expanded.getExpansion().getContains()) {
                if (system.equals(c.getSystem()) && !c.hasVersion() && used != null) {
                    c.setVersion(used);
                }
                codes.putIfAbsent(c.getSystem() + "|" + c.getVersion() + "|" + c.getCode(), c);
            }
        }
        var expansion = merged.getExpansion();
        expansion.getContains().clear();
        var all = new ArrayList<>(codes.values());
        var paging = request.paging();
        for (int i = paging.offset(); i < all.size() && i - paging.offset() < paging.count(); i++) {
            expansion.getContains().add(all.get(i));
        }
        expansion.setTotal(all.size());
        merged.setUrl(valueSet.getUrl());
        return merged;
    }

    /** The versions of the system, the latest first; null stands for the includes without a version, last. */
    List<String> versions() {
        return versions;
    }

    String system() {
        return system;
    }

    /**
     * The value set with this system's includes restricted to one version (null: those without a version), and the
     * includes of other systems only if {@code first}.
     */
    ValueSet part(ValueSet valueSet, String version, boolean first) {
        var part = valueSet.copy();
        var compose = part.getCompose();
        compose.getInclude()
                .removeIf(include -> system.equals(include.getSystem())
                        ? !java.util.Objects.equals(include.getVersion(), version)
                        : !first);
        compose.getExclude()
                .removeIf(exclude -> system.equals(exclude.getSystem())
                        && exclude.hasVersion()
                        && !exclude.getVersion().equals(version));
        for (ConceptSetComponent exclude : compose.getExclude()) {
            if (system.equals(exclude.getSystem()) && !exclude.hasVersion() && version != null) {
                exclude.setVersion(version);
            }
        }
        return part;
    }

    private String usedVersion(ValueSet expanded) {
        for (var p : expanded.getExpansion().getParameter()) {
            if ("used-codesystem".equals(p.getName()) && p.hasValue()) {
                var value = p.getValue().primitiveValue();
                if (value != null && value.startsWith(system + "|")) {
                    return value.substring(system.length() + 1);
                }
            }
        }
        return null;
    }
}
