package org.example.codeserver.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.Parameters;
import org.hl7.fhir.r5.model.Resource;
import org.springframework.stereotype.Component;

/**
 * The definitions the terminology engine sees: the stored resources plus, per request, the resources the caller sent
 * along as {@code tx-resource}.
 *
 * <p>Each request borrows an engine context of its own and gets fresh copies of every definition, so one caller's
 * resources never leak to another and nothing the engine changes in a definition (it adds designations to concepts
 * while expanding) survives the request. Contexts are pooled because building one costs a parse of the IANA language
 * registry; a context is retired after {@value #USES_PER_CONTEXT} requests.
 *
 * <p>FHIR's own code systems and value sets ({@link CoreDefinitions}) are lazy entries of every context: a request
 * that uses one gets a fresh copy, which is dropped (and the lazy entry put back) when the request ends.
 */
@Component
class TerminologyWorkspace {

    private static final int USES_PER_CONTEXT = 200;
    private static final int MAX_POOLED = 8;

    private final ConcurrentLinkedDeque<Pooled> pool = new ConcurrentLinkedDeque<>();
    private final SimpleWorkerContext base;
    private final ExpansionProperties limits;
    private final CoreDefinitions core;
    private volatile List<Resource> stored = List.of();

    TerminologyWorkspace(ExpansionProperties limits, CoreDefinitions core) {
        this.limits = limits;
        this.core = core;
        try {
            base = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
            base.setAllowLoadingDuplicates(true);
            base.setNoTerminologyServer(true);
            base.setCanRunWithoutTerminology(true);
            base.setCachingAllowed(false);
            base.setExpansionParameters(new Parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context for one request: everything stored, overlaid with the request's own definitions. Close it after use. */
    Lease open(List<Resource> requestDefinitions) {
        return open(requestDefinitions, ExpansionBudget.start(limits));
    }

    /** The same within the cost budget of a request that has already started. */
    Lease open(List<Resource> requestDefinitions, ExpansionBudget budget) {
        var pooled = pool.poll();
        if (pooled == null) {
            pooled = newPooled();
        }
        var definitions = new ArrayList<Resource>(stored);
        definitions.addAll(requestDefinitions);
        var cached = new ArrayList<Resource>(definitions.size());
        for (var definition : definitions) {
            var copy = definition.copy();
            if (!copy.hasId()) {
                copy.setId(UUID.randomUUID().toString());
            }
            pooled.context.cacheResource(copy);
            cached.add(copy);
        }
        for (var r : cached) {
            if (r instanceof org.hl7.fhir.r5.model.ValueSet vs) {
                ValueSetPreparation.prepare(pooled.context, vs, budget);
            }
        }
        pooled.context.setExpansionParameters(new Parameters());
        return new Lease(this, pooled, cached);
    }

    void replaceStoredDefinitions(List<Resource> definitions) {
        stored = List.copyOf(definitions);
    }

    private void giveBack(Pooled pooled, List<Resource> cached) {
        var reset = new HashSet<>(pooled.loadedCore);
        pooled.loadedCore.clear();
        var definitions = core.all();
        for (var r : cached) {
            pooled.context.dropResource(r);
            var key = CoreDefinitions.Key.of(r);
            if (definitions.containsKey(key)) {
                reset.add(key); // dropping by id dropped the core definition of the same id as well
            }
        }
        for (var key : reset) {
            pooled.context.dropResource(key.type(), key.id());
            register(pooled, definitions.get(key));
        }
        if (++pooled.uses < USES_PER_CONTEXT && pool.size() < MAX_POOLED) {
            pool.push(pooled);
        }
    }

    private Pooled newPooled() {
        try {
            var context = new SimpleWorkerContext(base);
            context.setAllowLoadingDuplicates(true);
            var pooled = new Pooled(context);
            for (var definition : core.all().values()) {
                register(pooled, definition);
            }
            return pooled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void register(Pooled pooled, org.hl7.fhir.r5.model.CanonicalResource definition) {
        pooled.context.registerResourceFromPackage(
                CoreDefinitions.proxy(definition, pooled.loadedCore::add), CoreDefinitions.PACKAGE);
    }

    private static final class Pooled {
        private final SimpleWorkerContext context;
        private final Set<CoreDefinitions.Key> loadedCore = new HashSet<>();
        private int uses;

        Pooled(SimpleWorkerContext context) {
            this.context = context;
        }
    }

    /** A borrowed context; closing it drops the request's definitions and returns the context to the pool. */
    static final class Lease implements AutoCloseable {

        private final TerminologyWorkspace owner;
        private final Pooled pooled;
        private final List<Resource> cached;

        private Lease(TerminologyWorkspace owner, Pooled pooled, List<Resource> cached) {
            this.owner = owner;
            this.pooled = pooled;
            this.cached = cached;
        }

        SimpleWorkerContext context() {
            return pooled.context;
        }

        @Override
        public void close() {
            owner.giveBack(pooled, cached);
        }
    }
}
