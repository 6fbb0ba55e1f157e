package org.example.codeserver.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r5.model.ConceptMap;
import org.springframework.stereotype.Service;

/** ConceptMap $translate over the stored maps and those sent as tx-resource. */
@Service
public class FhirConceptMapService {

    private final TerminologyWorkspace workspace;
    private final ModelCodeSystems indexed;

    FhirConceptMapService(TerminologyWorkspace workspace, ModelCodeSystems indexed) {
        this.workspace = workspace;
        this.indexed = indexed;
    }

    /** The canonical URL of a code system of the model named by OID ({@code urn:oid:}) or alias; other systems as given. */
    private String canonical(String system) {
        return system == null
                ? null
                : indexed.codeSystem(system, null).map(cs -> cs.url()).orElse(system);
    }

    public Parameters translate(Translation translation) {
        try (var lease = workspace.open(translation.engine().definitions())) {
            return translate(lease.context(), translation);
        }
    }

    private Parameters translate(org.hl7.fhir.r5.context.SimpleWorkerContext context, Translation translation) {
        var code = translation.code().code();
        var system = canonical(translation.code().system());
        var targetSystem = canonical(translation.targetSystem());
        var reverse = translation.reverse();
        var instance = translation.instance();
        var maps = new ArrayList<ConceptMap>();
        if (instance != null) {
            maps.add((ConceptMap) VersionConvertorFactory_40_50.convertResource(instance));
        } else if (translation.mapUrl() != null) {
            var map = context.fetchResource(ConceptMap.class, translation.mapUrl());
            if (map == null) {
                throw TerminologyOperationException.of(
                        404, IssueType.NOTFOUND, "not-found", "ConceptMap '" + translation.mapUrl() + "' not found");
            }
            maps.add(map);
        } else {
            maps.addAll(context.fetchResourcesByType(ConceptMap.class));
        }
        var out = new Parameters();
        var matches = new ArrayList<Parameters.ParametersParameterComponent>();
        for (var map : maps) {
            translate(map, system, code, targetSystem, reverse, matches);
        }
        out.addParameter().setName("result").setValue(new BooleanType(!matches.isEmpty()));
        if (matches.isEmpty()) {
            out.addParameter()
                    .setName("message")
                    .setValue(new StringType(
                            "No mappings found for '" + code + "'" + (system == null ? "" : " in '" + system + "'")));
        }
        out.getParameter().addAll(matches);
        return out;
    }

    private static void translate(
            ConceptMap map,
            String system,
            String code,
            String targetSystem,
            boolean reverse,
            List<Parameters.ParametersParameterComponent> matches) {
        for (var group : map.getGroup()) {
            var from = reverse ? group.getTarget() : group.getSource();
            var to = reverse ? group.getSource() : group.getTarget();
            if (system != null && from != null && !stripVersion(from).equals(system)
                    || targetSystem != null && to != null && !stripVersion(to).equals(targetSystem)) {
                continue;
            }
            for (var element : group.getElement()) {
                for (var target : element.getTarget()) {
                    var fromCode = reverse ? target.getCode() : element.getCode();
                    var toCode = reverse ? element.getCode() : target.getCode();
                    var toDisplay = reverse ? element.getDisplay() : target.getDisplay();
                    if (!code.equals(fromCode)) {
                        continue;
                    }
                    var relationship =
                            target.hasRelationship() ? target.getRelationship().toCode() : "related-to";
                    var match = new Parameters.ParametersParameterComponent().setName("match");
                    match.addPart().setName("concept").setValue(new Coding(stripVersion(to), toCode, toDisplay));
                    match.addPart().setName("equivalence").setValue(new CodeType(equivalence(relationship)));
                    match.addPart().setName("relationship").setValue(new CodeType(relationship));
                    match.addPart().setName("originMap").setValue(new CanonicalType(map.getVersionedUrl()));
                    matches.add(match);
                }
            }
        }
    }

    private static String equivalence(String relationship) {
        return switch (relationship) {
            case "source-is-narrower-than-target" -> "wider";
            case "source-is-broader-than-target" -> "narrower";
            case "not-related-to" -> "unmatched";
            case "related-to" -> "relatedto";
            default -> relationship;
        };
    }

    private static String stripVersion(String canonical) {
        return canonical == null || !canonical.contains("|")
                ? canonical
                : canonical.substring(0, canonical.indexOf('|'));
    }
}
