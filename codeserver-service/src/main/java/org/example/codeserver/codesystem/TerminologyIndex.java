package org.example.codeserver.codesystem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory read model: every stored code system version with its {@link ConceptIndex}, rebuilt from the database
 * at startup and after each import. Readers see an immutable snapshot; a refresh swaps in a new one.
 */
@Component
@Order(0)
class TerminologyIndex implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TerminologyIndex.class);

    private final CodeSystemVersionRepository versions;
    private final ConceptRepository concepts;
    private final TransactionTemplate readOnly;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of());
    private volatile boolean started;

    TerminologyIndex(
            CodeSystemVersionRepository versions, ConceptRepository concepts, PlatformTransactionManager transactions) {
        this.versions = versions;
        this.concepts = concepts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Builds the read model from the database at startup, before bundled code systems are loaded (every replica). */
    @Override
    public void run(ApplicationArguments args) {
        refresh();
        started = true;
    }

    /**
     * Picks up versions imported by other instances of the service (they share the database), so instances behind a
     * load balancer converge without a restart: at once when notified ({@link TerminologyIndexNotifications}), and on
     * this timer as the fallback. Per replica (a read model); cheap when nothing changed: one metadata query.
     */
    @Scheduled(
            initialDelayString = "${codes.index.refresh-interval:PT1M}",
            fixedDelayString = "${codes.index.refresh-interval:PT1M}")
    void refreshFromOtherInstances() {
        if (started) {
            refresh();
        }
    }

    /**
     * Loads the concepts of the versions stored since the last refresh (all of them the first time), reads every
     * version's and code system's own fields again (a status changed elsewhere) and swaps the snapshot.
     */
    synchronized void refresh() {
        refresh(Map.of());
    }

    /**
     * Like {@link #refresh()}, but takes indexes already built for newly stored versions (by version id) instead of
     * reading those versions back from the database.
     */
    synchronized void refresh(Map<Long, ConceptIndex> prebuilt) {
        var loaded = new HashMap<Long, VersionEntry>();
        for (var system : snapshot.systems()) {
            for (var version : system.versions()) {
                loaded.put(version.id(), version);
            }
        }
        var stored = readOnly.execute(status -> versions.findAllWithCodeSystem().stream()
                .map(v -> new StoredVersion(
                        v, v.getCodeSystem(), List.copyOf(v.getCodeSystem().getAliasOids())))
                .toList());
        var bySystem = new HashMap<Long, List<StoredVersion>>();
        for (var version : stored) {
            bySystem.computeIfAbsent(version.system().getId(), id -> new ArrayList<>())
                    .add(version);
        }
        var systems = new ArrayList<SystemEntry>();
        for (var group : bySystem.values()) {
            var entries = new ArrayList<VersionEntry>();
            for (var version : group) {
                var existing = loaded.get(version.version().getId());
                entries.add(
                        existing != null
                                ? VersionEntry.of(version.version(), existing.properties(), existing.index())
                                : load(version, prebuilt.get(version.version().getId())));
            }
            entries.sort(VersionEntry.NEWEST_FIRST);
            var latest = entries.stream()
                    .filter(e -> e.status() == PublicationStatus.ACTIVE)
                    .findFirst()
                    .orElse(entries.get(0));
            systems.add(SystemEntry.of(group.get(0), entries, latest));
        }
        systems.sort(Comparator.comparing(s -> s.summary().slug()));
        var byKey = new HashMap<String, SystemEntry>();
        for (var system : systems) {
            var summary = system.summary();
            byKey.put(summary.url(), system);
            byKey.put(summary.slug(), system);
            if (summary.oid() != null) {
                byKey.put(summary.oid(), system);
                byKey.put("urn:oid:" + summary.oid(), system);
            }
            for (var alias : summary.aliasOids()) {
                byKey.putIfAbsent(alias, system);
                byKey.putIfAbsent("urn:oid:" + alias, system);
            }
        }
        snapshot = new Snapshot(List.copyOf(systems), Map.copyOf(byKey));
    }

    private VersionEntry load(StoredVersion stored, @Nullable ConceptIndex prebuilt) {
        long started = System.nanoTime();
        var v = stored.version();
        var index = prebuilt != null ? prebuilt : concepts.loadIndex(v.getId());
        var properties = concepts.properties(v.getId());
        log.info(
                "Indexed {} version {}: {} concepts in {} ms",
                stored.system().getSlug(),
                v.getVersion(),
                index.size(),
                (System.nanoTime() - started) / 1_000_000);
        return VersionEntry.of(v, properties, index);
    }

    List<SystemEntry> systems() {
        return snapshot.systems();
    }

    /** The code system by canonical URL, OID (with or without {@code urn:oid:}), alias OID or slug. */
    Optional<SystemEntry> system(String key) {
        return Optional.ofNullable(snapshot.byKey().get(key.strip()));
    }

    private record Snapshot(List<SystemEntry> systems, Map<String, SystemEntry> byKey) {}

    private record StoredVersion(CodeSystemVersion version, CodeSystem system, List<String> aliasOids) {}

    /** A code system and its indexed versions, newest first. */
    record SystemEntry(CodeSystemSummary summary, List<VersionEntry> versions, VersionEntry latest) {

        static SystemEntry of(StoredVersion any, List<VersionEntry> versions, VersionEntry latest) {
            var system = any.system();
            var aliases = any.aliasOids().stream().sorted().toList();
            var summaries = versions.stream().map(v -> v.summary(v == latest)).toList();
            var summary = new CodeSystemSummary(
                    system.getSlug(),
                    system.getUrl(),
                    system.getOid(),
                    aliases,
                    system.getName(),
                    system.getTitle(),
                    system.getPublisher(),
                    system.getDescription(),
                    summaries);
            return new SystemEntry(summary, List.copyOf(versions), latest);
        }

        /** The named version, or the latest when {@code version} is null or blank. */
        Optional<VersionEntry> version(@Nullable String version) {
            if (version == null || version.isBlank()) {
                return Optional.of(latest);
            }
            return versions.stream().filter(v -> version.equals(v.version())).findFirst();
        }
    }

    /** One indexed version. */
    record VersionEntry(
            long id,
            @Nullable String version,
            PublicationStatus status,
            @Nullable java.time.LocalDate effectiveDate,
            @Nullable String language,
            @Nullable String hierarchyMeaning,
            int conceptCount,
            String content,
            boolean caseSensitive,
            @Nullable String source,
            java.time.Instant importedAt,
            List<PropertyDefinition> properties,
            ConceptIndex index) {

        /**
         * The version as stored now, with its concepts already indexed: the version's own fields (its status above
         * all, e.g. retired) are read again on every refresh, the concepts only once.
         */
        static VersionEntry of(CodeSystemVersion v, List<PropertyDefinition> properties, ConceptIndex index) {
            return new VersionEntry(
                    v.getId(),
                    v.getVersion(),
                    v.getStatus(),
                    v.getEffectiveDate(),
                    v.getLanguage(),
                    v.getHierarchyMeaning(),
                    v.getConceptCount(),
                    v.getContent(),
                    v.isCaseSensitive(),
                    v.getSource(),
                    v.getImportedAt(),
                    properties,
                    index);
        }

        static final Comparator<VersionEntry> NEWEST_FIRST = Comparator.comparing(
                        VersionEntry::effectiveDate,
                        Comparator.nullsFirst(Comparator.<java.time.LocalDate>naturalOrder()))
                .thenComparing(VersionEntry::version, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(VersionEntry::id)
                .reversed();

        VersionSummary summary(boolean latest) {
            return new VersionSummary(
                    version,
                    status,
                    effectiveDate,
                    language,
                    hierarchyMeaning,
                    conceptCount,
                    content,
                    caseSensitive,
                    latest,
                    source,
                    importedAt,
                    properties);
        }
    }
}
