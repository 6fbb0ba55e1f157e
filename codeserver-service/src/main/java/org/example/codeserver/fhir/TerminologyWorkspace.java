package org.example.codeserver.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.formats.JsonParser;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The definitions the terminology engine sees: the stored resources plus, per request, the resources the caller sent
 * along as {@code tx-resource}. Each request borrows a context of its own, so one caller's resources never leak to
 * another; contexts are pooled by the exact set of request definitions, because building one is costly.
 */
@Component
class TerminologyWorkspace {

    private static final int MAX_POOLED_SETS = 64;
    private static final int MAX_POOLED_PER_SET = 8;

    private final Object lock = new Object();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, ConcurrentLinkedDeque<SimpleWorkerContext>> pool = new ConcurrentHashMap<>();
    private volatile SimpleWorkerContext base;
    private List<Resource> stored = List.of();
    private List<Resource> builtIn = List.of();

    TerminologyWorkspace() {
        base = build();
    }

    /** A context for one request: everything stored, overlaid with the request's own definitions. Close it after use. */
    Lease open(List<Resource> requestDefinitions) {
        var key = generation.get() + ":" + digest(requestDefinitions);
        var pooled = pool.get(key);
        var context = pooled == null ? null : pooled.poll();
        if (context == null) {
            context = create(requestDefinitions);
        }
        return new Lease(this, key, context);
    }

    void replaceStoredDefinitions(List<Resource> definitions) {
        synchronized (lock) {
            stored = List.copyOf(definitions);
            rebuild();
        }
    }

    void replaceBuiltInDefinitions(List<Resource> definitions) {
        synchronized (lock) {
            builtIn = List.copyOf(definitions);
            rebuild();
        }
    }

    private void rebuild() {
        base = build();
        generation.incrementAndGet();
        pool.clear();
    }

    private void giveBack(String key, SimpleWorkerContext context) {
        if (!key.startsWith(generation.get() + ":")) {
            return;
        }
        if (pool.size() >= MAX_POOLED_SETS && !pool.containsKey(key)) {
            pool.clear();
        }
        var deque = pool.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        if (deque.size() < MAX_POOLED_PER_SET) {
            deque.push(context);
        }
    }

    private SimpleWorkerContext create(List<Resource> requestDefinitions) {
        try {
            var context = new SimpleWorkerContext(base);
            context.setAllowLoadingDuplicates(true);
            for (var r : requestDefinitions) {
                context.cacheResource(r);
            }
            guardRegexFilters(context, requestDefinitions);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SimpleWorkerContext build() {
        try {
            var context = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
            context.setAllowLoadingDuplicates(true);
            context.setNoTerminologyServer(true);
            context.setCanRunWithoutTerminology(true);
            context.setCachingAllowed(false);
            context.setExpansionParameters(new Parameters());
            var all = new ArrayList<Resource>(builtIn);
            all.addAll(stored);
            for (var r : all) {
                context.cacheResource(r);
            }
            guardRegexFilters(context, all);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void guardRegexFilters(SimpleWorkerContext context, List<Resource> definitions) {
        for (var r : definitions) {
            if (r instanceof org.hl7.fhir.r5.model.ValueSet vs) {
                GuardedRegex.precompute(context, vs);
            }
        }
    }

    private static String digest(List<Resource> definitions) {
        if (definitions.isEmpty()) {
            return "-";
        }
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            var json = new JsonParser();
            for (var r : definitions) {
                sha.update(json.composeString(r).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A borrowed context; closing it returns it to the pool. */
    static final class Lease implements AutoCloseable {

        private final TerminologyWorkspace owner;
        private final String key;
        private final SimpleWorkerContext context;

        private Lease(TerminologyWorkspace owner, String key, SimpleWorkerContext context) {
            this.owner = owner;
            this.key = key;
            this.context = context;
        }

        SimpleWorkerContext context() {
            context.setExpansionParameters(new Parameters());
            return context;
        }

        @Override
        public void close() {
            owner.giveBack(key, context);
        }
    }
}
