package org.example.suitetests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Requests for the FHIR terminology API, generated from its CapabilityStatement ({@code /fhir/metadata}): for every
 * resource type its interactions (read, search by each declared search parameter, create, update, delete) and its
 * operations (by GET with each terminology parameter, by POST with a Parameters resource), each given hostile ids,
 * values, bodies and content types.
 */
final class FhirFuzzer {

    /** The input parameters of the terminology operations (FHIR R4 OperationDefinitions), the same for every one. */
    private static final List<String> OPERATION_PARAMETERS = List.of(
            "url",
            "system",
            "version",
            "code",
            "display",
            "coding",
            "codeableConcept",
            "valueSet",
            "filter",
            "count",
            "offset",
            "date",
            "property",
            "displayLanguage",
            "includeDesignations",
            "activeOnly",
            "codeA",
            "codeB",
            "source",
            "target",
            "targetsystem",
            "reverse",
            "_format");

    private static final String SYSTEM = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";
    private static final String FHIR_JSON = "application/fhir+json";

    private final JsonNode capabilities;

    FhirFuzzer(JsonNode capabilities) {
        this.capabilities = capabilities;
    }

    List<FuzzRequest> requests(long seed, int limitPerOperation) {
        var requests = new ArrayList<FuzzRequest>();
        for (var rest : capabilities.path("rest")) {
            for (var resource : rest.path("resource")) {
                var type = resource.path("type").asText();
                for (var interaction : resource.path("interaction")) {
                    requests.addAll(cap(
                            interaction(type, interaction.path("code").asText(), resource, seed),
                            limitPerOperation,
                            seed));
                }
                for (var operation : resource.path("operation")) {
                    requests.addAll(cap(
                            operation(
                                    "/fhir/" + type + "/$"
                                            + operation.path("name").asText(),
                                    seed),
                            limitPerOperation,
                            seed));
                }
            }
            for (var operation : rest.path("operation")) {
                requests.addAll(
                        cap(operation("/fhir/$" + operation.path("name").asText(), seed), limitPerOperation, seed));
            }
        }
        requests.addAll(cap(metadata(seed), limitPerOperation, seed));
        return requests;
    }

    private List<FuzzRequest> interaction(String type, String code, JsonNode resource, long seed) {
        var random = new Random(seed ^ (type + code).hashCode());
        var name = type + " " + code;
        var requests = new ArrayList<FuzzRequest>();
        switch (code) {
            case "read", "vread", "delete" -> {
                var method = code.equals("delete") ? "DELETE" : "GET";
                requests.add(
                        FuzzRequest.of(name, "plausible request", method, "/fhir/" + type + "/fuzz-1", null, null));
                for (var id : OpenApiFuzzer.sample(FuzzValues.STRINGS, 12, random)) {
                    requests.add(FuzzRequest.of(
                            name,
                            "id " + OpenApiFuzzer.shortly(id),
                            method,
                            "/fhir/" + type + "/" + OpenApiFuzzer.encode(id),
                            null,
                            null));
                }
                for (var segment : OpenApiFuzzer.sample(FuzzValues.RAW_PATH_SEGMENTS, 10, random)) {
                    requests.add(
                            FuzzRequest.of(name, "id " + segment, method, "/fhir/" + type + "/" + segment, null, null));
                }
            }
            case "search-type" -> {
                requests.add(FuzzRequest.of(
                        name, "plausible request", "GET", "/fhir/" + type + "?url=" + SYSTEM, null, null));
                var parameters = new ArrayList<String>();
                resource.path("searchParam")
                        .forEach(p -> parameters.add(p.path("name").asText()));
                parameters.addAll(List.of("_count", "_summary", "_sort", "_elements", "unknown"));
                for (var parameter : parameters) {
                    for (var value : OpenApiFuzzer.sample(FuzzValues.STRINGS, 6, random)) {
                        requests.add(FuzzRequest.of(
                                name,
                                parameter + " = " + OpenApiFuzzer.shortly(value),
                                "GET",
                                "/fhir/" + type + "?" + parameter + "=" + OpenApiFuzzer.encode(value),
                                null,
                                null));
                    }
                }
            }
            case "create", "update" -> {
                var method = code.equals("create") ? "POST" : "PUT";
                var path = "/fhir/" + type + (code.equals("create") ? "" : "/fuzz-1");
                var plausible = "{\"resourceType\":\"" + type
                        + "\",\"id\":\"fuzz-1\",\"url\":\"http://example.org/fuzz\"," + "\"status\":\"draft\"}";
                requests.add(FuzzRequest.of(name, "plausible request", method, path, FHIR_JSON, plausible));
                requests.addAll(bodies(name, method, path, plausible));
                for (var value : OpenApiFuzzer.sample(FuzzValues.STRINGS, 10, random)) {
                    var text =
                            RunningSuite.JSON.getNodeFactory().textNode(value).toString();
                    requests.add(FuzzRequest.of(
                            name,
                            "url = " + OpenApiFuzzer.shortly(value),
                            method,
                            path,
                            FHIR_JSON,
                            plausible.replace("\"http://example.org/fuzz\"", text)));
                    requests.add(FuzzRequest.of(
                            name,
                            "concept code = " + OpenApiFuzzer.shortly(value),
                            method,
                            path,
                            FHIR_JSON,
                            plausible.replace("}", ",\"concept\":[{\"code\":" + text + "}]}")));
                }
                requests.add(FuzzRequest.of(
                        name,
                        "another resource type",
                        method,
                        path,
                        FHIR_JSON,
                        "{\"resourceType\":\"Patient\",\"identifier\":[{\"value\":\"19121212-1212\"}]}"));
            }
            default -> {}
        }
        return requests;
    }

    private List<FuzzRequest> operation(String path, long seed) {
        var random = new Random(seed ^ path.hashCode());
        var requests = new ArrayList<FuzzRequest>();
        requests.add(FuzzRequest.of(
                path, "plausible request", "GET", path + "?system=" + SYSTEM + "&code=F32.1", null, null));
        for (var parameter : OPERATION_PARAMETERS) {
            for (var value : OpenApiFuzzer.sample(FuzzValues.STRINGS, 4, random)) {
                requests.add(FuzzRequest.of(
                        path,
                        "GET " + parameter + " = " + OpenApiFuzzer.shortly(value),
                        "GET",
                        path + "?system=" + SYSTEM + "&" + parameter + "=" + OpenApiFuzzer.encode(value),
                        null,
                        null));
            }
            for (var value : OpenApiFuzzer.sample(FuzzValues.STRINGS, 3, random)) {
                var text = RunningSuite.JSON.getNodeFactory().textNode(value).toString();
                requests.add(FuzzRequest.of(
                        path,
                        "POST " + parameter + " = " + OpenApiFuzzer.shortly(value),
                        "POST",
                        path,
                        FHIR_JSON,
                        parameters("{\"name\":\"" + parameter + "\",\"valueString\":" + text + "}")));
            }
            requests.add(FuzzRequest.of(
                    path,
                    "POST " + parameter + " as a resource",
                    "POST",
                    path,
                    FHIR_JSON,
                    parameters("{\"name\":\"" + parameter + "\",\"resource\":{\"resourceType\":\"ValueSet\","
                            + "\"compose\":{\"include\":[{\"system\":\"" + SYSTEM
                            + "\",\"filter\":[{\"property\":\"concept\","
                            + "\"op\":\"regex\",\"value\":\"(a+)+$\"}]}]}}}")));
        }
        var plausible = parameters(
                "{\"name\":\"system\",\"valueUri\":\"" + SYSTEM + "\"},{\"name\":\"code\",\"valueCode\":\"F32.1\"}");
        requests.addAll(bodies(path, "POST", path, plausible));
        return requests;
    }

    private List<FuzzRequest> metadata(long seed) {
        var random = new Random(seed);
        var requests = new ArrayList<FuzzRequest>();
        requests.add(FuzzRequest.of("metadata", "plausible request", "GET", "/fhir/metadata", null, null));
        for (var parameter : List.of("_format", "mode", "_pretty", "_summary")) {
            for (var value : OpenApiFuzzer.sample(FuzzValues.STRINGS, 5, random)) {
                requests.add(FuzzRequest.of(
                        "metadata",
                        parameter + " = " + OpenApiFuzzer.shortly(value),
                        "GET",
                        "/fhir/metadata?" + parameter + "=" + OpenApiFuzzer.encode(value),
                        null,
                        null));
            }
        }
        for (var segment : FuzzValues.RAW_PATH_SEGMENTS) {
            requests.add(
                    FuzzRequest.of("metadata", "path " + segment, "GET", "/fhir/" + segment + "/metadata", null, null));
        }
        return requests;
    }

    /** A body broken as a whole: malformed, not FHIR, XML with entities, wrong content types. */
    private static List<FuzzRequest> bodies(String name, String method, String path, String plausible) {
        var requests = new ArrayList<FuzzRequest>();
        for (var malformed : FuzzValues.MALFORMED_JSON) {
            requests.add(FuzzRequest.of(
                    name, "malformed body " + OpenApiFuzzer.shortly(malformed), method, path, FHIR_JSON, malformed));
        }
        for (var contentType : FuzzValues.WRONG_CONTENT_TYPES) {
            requests.add(FuzzRequest.of(name, "content type " + contentType, method, path, contentType, plausible));
        }
        requests.add(
                FuzzRequest.of(
                        name,
                        "XML with an external entity",
                        method,
                        path,
                        "application/fhir+xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + "<Parameters xmlns=\"http://hl7.org/fhir\"><parameter><name value=\"&x;\"/></parameter></Parameters>"));
        requests.add(FuzzRequest.of(
                name, "XML not FHIR", method, path, "application/fhir+xml", "<a><b>19121212-1212</b></a>"));
        requests.add(FuzzRequest.of(name, "no resourceType", method, path, FHIR_JSON, "{\"parameter\":[]}"));
        requests.add(FuzzRequest.of(
                name, "unknown resourceType", method, path, FHIR_JSON, "{\"resourceType\":\"Nonsense\"}"));
        requests.add(FuzzRequest.of(
                name,
                "3 MB value",
                method,
                path,
                FHIR_JSON,
                parameters("{\"name\":\"code\",\"valueCode\":\"" + "x".repeat(3_000_000) + "\"}")));
        return requests;
    }

    private static String parameters(String parameters) {
        return "{\"resourceType\":\"Parameters\",\"parameter\":[" + parameters + "]}";
    }

    /** The plausible request (first), then the rest shuffled with the seed, up to the limit. */
    private static List<FuzzRequest> cap(List<FuzzRequest> requests, int limit, long seed) {
        if (requests.isEmpty()) {
            return requests;
        }
        var rest = new ArrayList<>(requests.subList(1, requests.size()));
        Collections.shuffle(rest, new Random(seed ^ requests.get(0).operation().hashCode()));
        var capped = new ArrayList<FuzzRequest>();
        capped.add(requests.get(0));
        capped.addAll(rest.subList(0, Math.min(rest.size(), limit - 1)));
        return capped;
    }
}
