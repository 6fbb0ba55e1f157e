package org.example.suitetests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests generated from one service's OpenAPI document: for every operation, a plausible request built from the
 * document's schemas and examples, then that request broken in every way the document makes possible (each path and
 * query parameter, each body field, the body as a whole, its content type), shuffled with a fixed seed and capped.
 */
final class OpenApiFuzzer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    OpenApiFuzzer(JsonNode document) {
        this.document = document;
    }

    /** One operation of the document, with its parameters and request body schema resolved. */
    record Operation(String method, String path, List<JsonNode> parameters, String bodyType, JsonNode bodySchema) {

        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    List<Operation> operations() {
        var operations = new ArrayList<Operation>();
        document.path("paths")
                .properties()
                .forEach(path -> METHODS.forEach(method -> {
                    var operation = path.getValue().get(method);
                    if (operation == null) {
                        return;
                    }
                    var parameters = new ArrayList<JsonNode>();
                    path.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                    operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
                    String bodyType = null;
                    JsonNode bodySchema = null;
                    var content = resolve(operation.path("requestBody")).path("content");
                    Iterator<String> types = content.fieldNames();
                    if (types.hasNext()) {
                        bodyType = types.next();
                        bodySchema = resolve(content.get(bodyType).path("schema"));
                    }
                    operations.add(new Operation(method, path.getKey(), parameters, bodyType, bodySchema));
                }));
        return operations;
    }

    /** The plausible request first, then up to {@code limit - 1} broken ones, the same for the same seed. */
    List<FuzzRequest> requests(Operation operation, long seed, int limit) {
        var random = new Random(seed ^ operation.name().hashCode());
        var values = baseValues(operation);
        var body = operation.bodySchema() == null ? null : example(operation.bodySchema(), 0);
        var base = request(operation, "plausible request", values, sentType(operation), serialise(operation, body));
        var broken = new ArrayList<FuzzRequest>();
        for (var parameter : operation.parameters()) {
            var name = parameter.path("name").asText();
            var where = parameter.path("in").asText();
            if (!where.equals("path") && !where.equals("query")) {
                continue;
            }
            for (var value : sample(FuzzValues.STRINGS, 12, random)) {
                var changed = new LinkedHashMap<>(values);
                changed.put(where + ":" + name, encode(value));
                broken.add(request(
                        operation,
                        where + " " + name + " = " + shortly(value),
                        changed,
                        sentType(operation),
                        serialise(operation, body)));
            }
            for (var value :
                    sample(where.equals("path") ? FuzzValues.RAW_PATH_SEGMENTS : FuzzValues.JSON_VALUES, 8, random)) {
                var changed = new LinkedHashMap<>(values);
                changed.put(where + ":" + name, where.equals("path") ? value : encode(value));
                broken.add(request(
                        operation,
                        where + " " + name + " = " + value,
                        changed,
                        sentType(operation),
                        serialise(operation, body)));
            }
            if (where.equals("query")) {
                var without = new LinkedHashMap<>(values);
                without.remove(where + ":" + name);
                broken.add(request(
                        operation,
                        "query " + name + " missing",
                        without,
                        sentType(operation),
                        serialise(operation, body)));
            }
        }
        var extraQuery = new LinkedHashMap<>(values);
        extraQuery.put("query:unexpected", encode("19121212-1212"));
        broken.add(request(
                operation, "unknown query parameter", extraQuery, sentType(operation), serialise(operation, body)));
        if (operation.bodyType() != null) {
            broken.addAll(brokenBodies(operation, values, body, random));
        }
        Collections.shuffle(broken, random);
        var requests = new ArrayList<FuzzRequest>();
        requests.add(base);
        requests.addAll(broken.subList(0, Math.min(broken.size(), limit - 1)));
        return requests;
    }

    private List<FuzzRequest> brokenBodies(
            Operation operation, Map<String, String> values, JsonNode body, Random random) {
        var requests = new ArrayList<FuzzRequest>();
        var type = sentType(operation);
        var plausible = serialise(operation, body);
        for (var contentType : FuzzValues.WRONG_CONTENT_TYPES) {
            requests.add(request(operation, "content type " + contentType, values, contentType, plausible));
        }
        requests.add(request(operation, "no content type", values, null, plausible));
        requests.add(request(operation, "no body", values, type, null));
        if (type.startsWith("multipart/")) {
            for (var content : sample(FuzzValues.STRINGS, 6, random)) {
                requests.add(request(operation, "uploaded file " + shortly(content), values, type, multipart(content)));
            }
            requests.add(request(
                    operation, "multipart without the boundary", values, "multipart/form-data", multipart("a")));
            return requests;
        }
        for (var malformed : FuzzValues.MALFORMED_JSON) {
            requests.add(request(operation, "malformed body " + shortly(malformed), values, type, malformed));
        }
        requests.add(request(operation, "body as an array", values, type, "[" + plausible + "]"));
        if (!(body instanceof ObjectNode)) {
            return requests;
        }
        var leaves = new ArrayList<String>();
        leaves(body, "", leaves);
        for (var pointer : leaves) {
            requests.add(
                    request(operation, "field " + pointer + " missing", values, type, changed(body, pointer, null)));
            for (var json : sample(FuzzValues.JSON_VALUES, 4, random)) {
                requests.add(request(
                        operation,
                        "field " + pointer + " = " + json,
                        values,
                        type,
                        changed(body, pointer, read(json))));
            }
            for (var text : sample(FuzzValues.STRINGS, 6, random)) {
                requests.add(request(
                        operation,
                        "field " + pointer + " = " + shortly(text),
                        values,
                        type,
                        changed(body, pointer, NODES.textNode(text))));
            }
        }
        var extra = ((ObjectNode) body).deepCopy();
        extra.put("unexpected", "19121212-1212");
        extra.putObject("@class").put("value", "java.lang.ProcessBuilder");
        requests.add(request(operation, "extra fields", values, type, write(extra)));
        var huge = ((ObjectNode) body).deepCopy();
        huge.put("unexpected", "x".repeat(3_000_000));
        requests.add(request(operation, "3 MB extra field", values, type, write(huge)));
        return requests;
    }

    /** Values for the plausible request, keyed {@code in:name}, already encoded. */
    private Map<String, String> baseValues(Operation operation) {
        var values = new LinkedHashMap<String, String>();
        for (var parameter : operation.parameters()) {
            var where = parameter.path("in").asText();
            if (!where.equals("path") && !where.equals("query")) {
                continue;
            }
            var required = parameter.path("required").asBoolean(false);
            JsonNode value = parameter.has("example")
                    ? parameter.get("example")
                    : required || where.equals("path") ? example(resolve(parameter.path("schema")), 0) : null;
            if (value != null && !value.isContainerNode()) {
                values.put(where + ":" + parameter.path("name").asText(), encode(value.asText()));
            }
        }
        return values;
    }

    private FuzzRequest request(
            Operation operation, String mutation, Map<String, String> values, String contentType, String body) {
        var path = operation.path();
        var query = new StringBuilder();
        for (var entry : values.entrySet()) {
            var where = entry.getKey().substring(0, entry.getKey().indexOf(':'));
            var name = entry.getKey().substring(where.length() + 1);
            if (where.equals("path")) {
                path = path.replace("{" + name + "}", entry.getValue());
            } else {
                query.append(query.length() == 0 ? '?' : '&')
                        .append(encode(name))
                        .append('=')
                        .append(entry.getValue());
            }
        }
        path = path.replaceAll("\\{[^}]*}", "1");
        return FuzzRequest.of(
                operation.name(), mutation, operation.method().toUpperCase(), path + query, contentType, body);
    }

    /** A value the schema accepts, from its example, default or first enum value where the document gives one. */
    JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        for (var key : List.of("example", "default")) {
            if (schema.has(key)) {
                return schema.get(key);
            }
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (var key : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(key).isArray() && !schema.path(key).isEmpty()) {
                return example(schema.path(key).get(0), depth);
            }
        }
        var type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                var object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties")
                            .properties()
                            .forEach(
                                    property -> object.set(property.getKey(), example(property.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                var array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                NODES.textNode(
                        switch (schema.path("format").asText()) {
                            case "date" -> "2024-01-15";
                            case "date-time" -> "2024-01-15T10:00:00Z";
                            case "uuid" -> "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                            case "binary" -> "a,b\n1,2\n";
                            default -> "x";
                        });
        };
    }

    private JsonNode resolve(JsonNode node) {
        var seen = 0;
        while (node.has("$ref") && seen++ < 20) {
            var pointer = node.get("$ref").asText();
            node = pointer.startsWith("#") ? document.at(pointer.substring(1)) : NODES.objectNode();
        }
        return node;
    }

    private static void leaves(JsonNode node, String pointer, List<String> out) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> leaves(field.getValue(), pointer + "/" + field.getKey(), out));
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            out.add(pointer);
            leaves(array.get(0), pointer + "/0", out);
        } else {
            out.add(pointer);
        }
    }

    /** The body with the value at the pointer replaced, or removed when {@code value} is null. */
    private static String changed(JsonNode body, String pointer, JsonNode value) {
        var copy = body.deepCopy();
        var parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
        var last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            if (value == null) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        }
        return write(copy);
    }

    private static String serialise(Operation operation, JsonNode body) {
        if (body == null) {
            return null;
        }
        return operation.bodyType().startsWith("multipart/") ? multipart("a,b\n1,2\n") : write(body);
    }

    /** The operation's body type as sent: a multipart one with its boundary. */
    private static String sentType(Operation operation) {
        var type = operation.bodyType();
        return type != null && type.startsWith("multipart/") ? type + "; boundary=" + BOUNDARY : type;
    }

    static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";

    private static String multipart(String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode read(String json) {
        try {
            return RunningSuite.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return RunningSuite.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String shortly(String value) {
        return FuzzAnswer.visible(
                value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value);
    }

    static <T> List<T> sample(List<T> values, int count, Random random) {
        var copy = new ArrayList<>(values);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }
}
