package org.example.deathcertificate.coding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The code server's JSON API for ICD-10-SE as the death-certificate service calls it (version list, search, lookup),
 * over real HTTP, answering from the real ICD-10-SE 2020, 2021 and 2022 files the code server itself imports
 * (codeserver-service/src/main/resources/terminology/icd-10-se). Its search is a plain version of the code server's:
 * every query word must start a word of the text, or be a prefix of the code. It records the requests it gets and
 * can be switched off.
 */
public final class CodeServerDouble {

    private static final Path FILES = Path.of("../codeserver-service/src/main/resources/terminology/icd-10-se");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Entry>> versions = new LinkedHashMap<>();
    private final HttpServer server;
    final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();
    volatile boolean down;

    record Entry(String code, String display, String marker) {}

    CodeServerDouble() {
        for (var version : List.of("2020", "2021", "2022")) {
            var concepts = new LinkedHashMap<String, Entry>();
            for (var file : List.of("digit3.txt", "digit4.txt", "digit5.txt")) {
                try {
                    for (var line : Files.readAllLines(FILES.resolve(version).resolve(file), StandardCharsets.UTF_8)) {
                        var parts = line.replace("\uFEFF", "").split("\t");
                        if (parts.length >= 3) {
                            concepts.put(parts[0], new Entry(parts[0], parts[2], parts[1]));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            versions.put(version, concepts);
        }
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/codes/api/v1/code-systems/icd-10-se", this::answer);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestURI().toString());
        if (down) {
            send(exchange, 503, Map.of("title", "Service Unavailable"));
            return;
        }
        var path = exchange.getRequestURI().getPath().substring("/codes/api/v1/code-systems/icd-10-se".length());
        var query = query(exchange.getRequestURI().getRawQuery());
        if (path.isEmpty()) {
            var list = new ArrayList<Map<String, Object>>();
            versions.keySet()
                    .forEach(v -> list.add(
                            0,
                            Map.of(
                                    "version",
                                    v,
                                    "status",
                                    v.equals("2021") ? "RETIRED" : "ACTIVE",
                                    "effectiveDate",
                                    v + "-01-01")));
            send(exchange, 200, Map.of("slug", "icd-10-se", "versions", list));
            return;
        }
        var concepts = versions.get(query.getOrDefault("version", "2022"));
        if (concepts == null) {
            send(exchange, 404, Map.of("title", "Not Found"));
            return;
        }
        if (path.equals("/concepts")) {
            send(
                    exchange,
                    200,
                    search(concepts, query.getOrDefault("q", ""), Integer.parseInt(query.getOrDefault("limit", "20"))));
            return;
        }
        var code = URLDecoder.decode(path.substring("/concepts/".length()), StandardCharsets.UTF_8)
                .replace(".", "");
        var entry = concepts.get(code);
        if (entry == null) {
            send(exchange, 404, Map.of("title", "Not Found"));
            return;
        }
        var properties = new ArrayList<Map<String, String>>();
        if (!entry.marker().isEmpty()) {
            properties.add(Map.of("code", "marker", "type", "code", "value", entry.marker()));
        }
        send(
                exchange,
                200,
                Map.of("code", entry.code(), "display", entry.display(), "status", "ACTIVE", "properties", properties));
    }

    private static Map<String, Object> search(Map<String, Entry> concepts, String q, int limit) {
        var words = List.of(q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty())
                .toList();
        var hits = concepts.values().stream()
                .filter(entry -> !words.isEmpty() && words.stream().allMatch(word -> matches(entry, word)))
                .sorted(Comparator.comparingInt((Entry e) -> e.display().length())
                        .thenComparing(Entry::code))
                .toList();
        var page = hits.stream()
                .limit(limit)
                .map(e -> Map.of("code", e.code(), "display", e.display(), "status", "ACTIVE"))
                .toList();
        return Map.of("total", hits.size(), "offset", 0, "hits", page);
    }

    private static boolean matches(Entry entry, String word) {
        if (entry.code().toLowerCase(Locale.ROOT).startsWith(word)) {
            return true;
        }
        for (var part : entry.display().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (part.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> query(String raw) {
        var query = new HashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        var bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
