package org.example.codeserver.fhir;

import javax.sql.DataSource;
import org.example.codeserver.codesystem.CodeSystemNotFoundException;
import org.example.codeserver.codesystem.TerminologyService;
import org.example.platform.database.StartupLock;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.UriType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The ConceptMaps KSH97-P → ICD-10-SE and back, derived from the two code systems as loaded.
 *
 * <p>Rule: a KSH97-P code is an ICD-10 code, optionally followed by {@code -} (the whole ICD category, e.g.
 * {@code A00-} = {@code A00}) or {@code -P} (a primary-care grouping named after the ICD category, e.g. {@code A02-P}
 * ~ {@code A02}). The code without its suffix is looked up in the current ICD-10-SE; plain codes and {@code -} codes
 * map as {@code equivalent}, {@code -P} codes as {@code relatedto} (the primary-care grouping may be wider or
 * narrower than the category). Codes absent from ICD-10-SE are left unmapped.
 */
@Component
class Ksh97pIcd10SeMaps {

    static final String FORWARD_URL = "http://socialstyrelsen.se/fhir/ConceptMap/ksh97-p-to-icd-10-se";
    static final String REVERSE_URL = "http://socialstyrelsen.se/fhir/ConceptMap/icd-10-se-to-ksh97-p";
    static final String KSH97P = "http://socialstyrelsen.se/fhir/CodeSystem/ksh97-p";
    static final String ICD10SE = "http://socialstyrelsen.se/fhir/CodeSystem/icd-10-se";

    private static final Logger log = LoggerFactory.getLogger(Ksh97pIcd10SeMaps.class);

    private final TerminologyService terminology;
    private final TerminologyResourceService resources;
    private final StartupLock lock;

    Ksh97pIcd10SeMaps(TerminologyService terminology, TerminologyResourceService resources, DataSource dataSource) {
        this.terminology = terminology;
        this.resources = resources;
        this.lock = new StartupLock(dataSource, "codeserver-ksh97p-icd10se-maps");
    }

    /** Once across replicas: under a start-up lock, so two replicas starting at once never store the maps twice. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void publishOnce() {
        lock.run(this::publish);
    }

    private void publish() {
        try {
            var ksh = terminology.codeSystem(KSH97P, null);
            var icd = terminology.codeSystem(ICD10SE, null);
            var version = ksh.version().version() + "-" + icd.version().version();
            if (!resources.search("ConceptMap", FORWARD_URL, version, null).isEmpty()) {
                return;
            }
            var forward = map(FORWARD_URL, "Ksh97pToIcd10Se", "KSH97-P to ICD-10-SE", version, KSH97P, ICD10SE);
            var reverse = map(REVERSE_URL, "Icd10SeToKsh97p", "ICD-10-SE to KSH97-P", version, ICD10SE, KSH97P);
            var there = forward.addGroup()
                    .setSource(KSH97P)
                    .setSourceVersion(ksh.version().version())
                    .setTarget(ICD10SE)
                    .setTargetVersion(icd.version().version());
            var back = reverse.addGroup()
                    .setSource(ICD10SE)
                    .setSourceVersion(icd.version().version())
                    .setTarget(KSH97P)
                    .setTargetVersion(ksh.version().version());
            int mapped = 0;
            int unmapped = 0;
            for (var concept : terminology.export(KSH97P, ksh.version().version())) {
                var code = concept.code();
                var equivalence =
                        code.endsWith("-P") ? ConceptMapEquivalence.RELATEDTO : ConceptMapEquivalence.EQUIVALENT;
                var base = code.endsWith("-P")
                        ? code.substring(0, code.length() - 2)
                        : code.endsWith("-") ? code.substring(0, code.length() - 1) : code;
                var target = terminology.concept(ICD10SE, icd.version().version(), base);
                if (target.isEmpty()) {
                    unmapped++;
                    continue;
                }
                mapped++;
                there.addElement()
                        .setCode(code)
                        .setDisplay(concept.display())
                        .addTarget()
                        .setCode(target.get().code())
                        .setDisplay(target.get().display())
                        .setEquivalence(equivalence);
                back.addElement()
                        .setCode(target.get().code())
                        .setDisplay(target.get().display())
                        .addTarget()
                        .setCode(code)
                        .setDisplay(concept.display())
                        .setEquivalence(equivalence);
            }
            forward.setId("ksh97-p-to-icd-10-se");
            reverse.setId("icd-10-se-to-ksh97-p");
            resources.update("ksh97-p-to-icd-10-se", forward);
            resources.update("icd-10-se-to-ksh97-p", reverse);
            log.info(
                    "ConceptMaps KSH97-P <-> ICD-10-SE {}: {} codes mapped, {} without an ICD-10-SE code",
                    version,
                    mapped,
                    unmapped);
        } catch (CodeSystemNotFoundException e) {
            log.info("KSH97-P or ICD-10-SE not loaded; no ConceptMap between them");
        }
    }

    private static ConceptMap map(String url, String name, String title, String version, String source, String target) {
        var map = new ConceptMap();
        map.setUrl(url);
        map.setVersion(version);
        map.setName(name);
        map.setTitle(title);
        map.setStatus(PublicationStatus.ACTIVE);
        map.setPublisher("Socialstyrelsen");
        map.setDescription(
                "Derived from the code systems: a KSH97-P code without its '-' or '-P' suffix is the ICD-10-SE code");
        map.setSource(new UriType(source + "?vs"));
        map.setTarget(new UriType(target + "?vs"));
        return map;
    }
}
