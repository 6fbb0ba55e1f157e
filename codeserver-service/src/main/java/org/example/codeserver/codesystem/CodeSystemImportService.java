package org.example.codeserver.codesystem;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a parsed code system version in one transaction and then refreshes the read model. Every importer (files,
 * FHIR CodeSystem resources) goes through {@link #importVersion(NewCodeSystem)}.
 */
@Service
public class CodeSystemImportService {

    private static final Logger log = LoggerFactory.getLogger(CodeSystemImportService.class);

    private final CodeSystemRepository systems;
    private final CodeSystemVersionRepository versions;
    private final ConceptRepository concepts;
    private final TerminologyIndex index;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CodeSystemImportService(
            CodeSystemRepository systems,
            CodeSystemVersionRepository versions,
            ConceptRepository concepts,
            TerminologyIndex index,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.systems = systems;
        this.versions = versions;
        this.concepts = concepts;
        this.index = index;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether this version of the code system is already stored. */
    public boolean isImported(String url, @Nullable String version) {
        return versions.exists(url, version);
    }

    /**
     * Checks and stores one version: all or nothing. After storing, the number of stored concepts must equal the
     * number given, or the import is rolled back.
     *
     * @throws InvalidCodeSystemException when a rule is broken (duplicate code, unknown parent, missing field)
     * @throws CodeSystemVersionExistsException when the version is already stored
     */
    public ImportResult importVersion(NewCodeSystem source) {
        long started = System.nanoTime();
        validate(source);
        if (versions.exists(source.url(), source.version())) {
            throw new CodeSystemVersionExistsException(source.url(), source.version());
        }
        Stored stored;
        try {
            stored = transaction.execute(status -> store(source));
        } catch (DataIntegrityViolationException e) {
            if (versions.exists(source.url(), source.version())) {
                throw new CodeSystemVersionExistsException(source.url(), source.version());
            }
            throw e;
        }
        var slug = stored.slug();
        index.refresh(Map.of(stored.versionId(), ConceptIndex.of(source.concepts())));
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "Imported {} version {}: {} concepts in {} ms",
                slug,
                source.version(),
                source.concepts().size(),
                millis);
        return new ImportResult(
                slug, source.url(), source.version(), source.concepts().size(), millis);
    }

    private Stored store(NewCodeSystem source) {
        var system = systems.findByUrl(source.url())
                .orElseGet(() ->
                        new CodeSystem(uniqueSlug(source.effectiveSlug()), source.url(), source.oid(), source.name()));
        system.describe(source);
        system = systems.saveAndFlush(system);
        var version = versions.saveAndFlush(new CodeSystemVersion(system, source, clock.instant()));
        concepts.insert(version.getId(), source.properties(), source.concepts());
        version.confirmStored(concepts.count(version.getId()));
        return new Stored(system.getSlug(), version.getId());
    }

    private record Stored(String slug, long versionId) {}

    private String uniqueSlug(String wanted) {
        var slug = wanted;
        for (int n = 2; systems.existsBySlug(slug); n++) {
            slug = wanted + "-" + n;
        }
        return slug;
    }

    private static void validate(NewCodeSystem source) {
        if (source.url() == null || source.url().isBlank()) {
            throw new InvalidCodeSystemException(0, "url", "The code system has no canonical URL");
        }
        if (source.name() == null || source.name().isBlank()) {
            throw new InvalidCodeSystemException(0, "name", "The code system has no name");
        }
        var seen = new HashMap<String, Integer>();
        for (var concept : source.concepts()) {
            if (concept.code() == null || concept.code().isBlank()) {
                throw new InvalidCodeSystemException(concept.line(), "code", "A concept has no code");
            }
            var earlier = seen.putIfAbsent(concept.code(), concept.line());
            if (earlier != null) {
                throw new InvalidCodeSystemException(
                        concept.line(),
                        "code",
                        "Code " + concept.code() + " appears twice"
                                + (earlier > 0 ? " (first on line " + earlier + ")" : ""));
            }
        }
        for (var concept : source.concepts()) {
            for (var parent : concept.parents()) {
                if (!seen.containsKey(parent)) {
                    throw new InvalidCodeSystemException(
                            concept.line(),
                            "parent",
                            "Parent " + parent + " of code " + concept.code() + " is not in the code system");
                }
            }
        }
        var propertyCodes = new HashSet<String>();
        for (var property : source.properties()) {
            if (!propertyCodes.add(property.code())) {
                throw new InvalidCodeSystemException(
                        0, "property", "Property " + property.code() + " is declared twice");
            }
        }
    }
}
