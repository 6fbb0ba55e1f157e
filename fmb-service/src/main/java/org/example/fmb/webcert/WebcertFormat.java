package org.example.fmb.webcert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.Reference;

/** The records of FMB's JSON:API wire format, with the exact field names and order Webcert parses. */
final class WebcertFormat {

    private WebcertFormat() {}

    @JsonPropertyOrder({"meta", "links", "data"})
    record Collection(Meta meta, Links links, List<?> data) {}

    @JsonPropertyOrder({"meta", "links", "data"})
    record Single(Meta meta, Links links, Object data) {}

    @JsonPropertyOrder({"version", "buildnumber", "buildtimestamp"})
    record Meta(String version, String buildnumber, String buildtimestamp) {}

    record Links(String self) {}

    @JsonPropertyOrder({"links", "type", "id", "attributes", "relationships"})
    record Resource(Links links, String type, String id, Object attributes, Map<String, Object> relationships) {}

    @JsonPropertyOrder({
        "version",
        "id",
        "titel",
        "malgrupp",
        "nyckelord",
        "syfte",
        "beskrivning",
        "typavdokument",
        "sjukdomsgrupp",
        "senastuppdaterad",
        "giltighetsperiod",
        "status",
        "diagnosrubrik",
        "forsakringsmedicinskinformation",
        "symtomprognosbehandling",
        "informationomrehabilitering",
        "diagnoskod",
        "aktivitetsbegransning",
        "funktionsnedsattning",
        "referens"
    })
    record DiagnosisAttributes(
            String version,
            String id,
            String titel,
            List<Code> malgrupp,
            List<Code> nyckelord,
            @JsonInclude(JsonInclude.Include.NON_NULL) String syfte,
            String beskrivning,
            Code typavdokument,
            DiseaseGroup sjukdomsgrupp,
            String senastuppdaterad,
            ValidityPeriod giltighetsperiod,
            Code status,
            String diagnosrubrik,
            Markup forsakringsmedicinskinformation,
            Markup symtomprognosbehandling,
            Markup informationomrehabilitering,
            List<Code> diagnoskod,
            ActivityLimitation aktivitetsbegransning,
            FunctionalImpairment funktionsnedsattning,
            List<Reference> referens) {}

    record DiseaseGroup(Code kod) {}

    @JsonPropertyOrder({"start", "slut"})
    record ValidityPeriod(String start, String slut) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Markup(String markup) {}

    @JsonPropertyOrder({"aktivitetsbegransningsbeskrivning", "kompletterandekod", "centralkod"})
    record ActivityLimitation(
            String aktivitetsbegransningsbeskrivning, List<Code> kompletterandekod, List<Code> centralkod) {}

    @JsonPropertyOrder({"funktionsnedsattningsbeskrivning", "kompletterandekod", "centralkod"})
    record FunctionalImpairment(
            String funktionsnedsattningsbeskrivning, List<Code> kompletterandekod, List<Code> centralkod) {}

    @JsonPropertyOrder({
        "version",
        "id",
        "malgrupp",
        "nyckelord",
        "syfte",
        "beskrivning",
        "typavdokument",
        "sjukdomsgrupp",
        "senastuppdaterad",
        "giltighetsperiod",
        "status",
        "typfallsmening",
        "fmbtillstand",
        "rekommenderadsjukskrivning"
    })
    record TypicalCaseAttributes(
            String version,
            String id,
            List<Code> malgrupp,
            List<Code> nyckelord,
            String syfte,
            String beskrivning,
            Code typavdokument,
            DiseaseGroup sjukdomsgrupp,
            String senastuppdaterad,
            ValidityPeriod giltighetsperiod,
            Code status,
            String typfallsmening,
            Condition fmbtillstand,
            Recommendation rekommenderadsjukskrivning) {}

    @JsonPropertyOrder({
        "tillstandsmening",
        "diagnoskod",
        "urvalsjukdomsforlopp",
        "urvalsvarighetsgrad",
        "urvalatgard",
        "urvalarbetsbelastning",
        "urvalkomplicerandefaktor",
        "urvalsamsjuklighet"
    })
    record Condition(
            String tillstandsmening,
            List<Code> diagnoskod,
            List<Map<String, List<Code>>> urvalsjukdomsforlopp,
            List<Map<String, List<Code>>> urvalsvarighetsgrad,
            List<MeasureCriterion> urvalatgard,
            List<Map<String, List<Code>>> urvalarbetsbelastning,
            List<Map<String, List<Code>>> urvalkomplicerandefaktor,
            List<List<ComorbidityCriterion>> urvalsamsjuklighet) {}

    @JsonPropertyOrder({"samsjuklighetsrubrik", "diagnoskod"})
    record ComorbidityCriterion(String samsjuklighetsrubrik, List<Code> diagnoskod) {}

    @JsonPropertyOrder({"kod", "status"})
    record MeasureCriterion(List<Code> kod, Code status) {}

    @JsonPropertyOrder({
        "maximalsjukskrivningsgrad",
        "typfalletsrekommenderadesjukskrivning",
        "maximalsjukskrivningstid",
        "maximalsjukskrivningsenhet"
    })
    record Recommendation(
            Code maximalsjukskrivningsgrad,
            String typfalletsrekommenderadesjukskrivning,
            String maximalsjukskrivningstid,
            String maximalsjukskrivningsenhet) {}
}
