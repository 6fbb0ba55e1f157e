package org.example.codeserver.importing;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.example.codeserver.codesystem.PublicationStatus;
import org.example.platform.database.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the code systems bundled in {@code src/main/resources/terminology} at startup, skipping versions already
 * stored (idempotent). Runs after the web server has started and before the service reports itself ready. Once across
 * replicas: under a start-up lock, so a replica starting at the same time waits and then finds every version stored.
 */
@Component
@Order(10)
class BundledCodeSystems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledCodeSystems.class);
    private static final String ROOT = "terminology/";

    private final ImportService imports;
    private final ImportingProperties properties;
    private final StartupLock lock;

    BundledCodeSystems(ImportService imports, ImportingProperties properties, DataSource dataSource) {
        this.imports = imports;
        this.properties = properties;
        this.lock = new StartupLock(dataSource, "codeserver-bundled-code-systems");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadBundled()) {
            log.info("Loading of bundled code systems is switched off");
            return;
        }
        lock.run(this::load);
    }

    private void load() {
        var all = bundled();
        long started = System.nanoTime();
        for (int i = 0; i < all.size(); i++) {
            var entry = all.get(i);
            var label = "[" + (i + 1) + "/" + all.size() + "] "
                    + entry.metadata().slug() + " " + entry.metadata().version();
            if (imports.isImported(entry.metadata().url(), entry.metadata().version())) {
                log.info("{}: already loaded", label);
                continue;
            }
            var result = imports.importFiles(entry.format(), entry.files(), entry.metadata());
            log.info("{}: loaded {} concepts in {} ms", label, result.conceptCount(), result.millis());
        }
        log.info("Bundled code systems ready after {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static List<Bundle> bundled() {
        return List.of(
                icd("2020", PublicationStatus.RETIRED),
                icd("2021", PublicationStatus.RETIRED),
                icd("2022", PublicationStatus.ACTIVE),
                new Bundle(
                        ImportFormat.KVA,
                        new LazyFiles("kva/2021-kka-text", "level1.txt", "level2.txt", "level3.txt", "level4.txt")
                                .and(new LazyFiles(
                                        "kva/2021-kma-text", "level1.txt", "level2.txt", "level3.txt", "level4.txt")),
                        metadata(KvaImporter.URL, "kva", "2021", LocalDate.of(2021, 1, 1))),
                new Bundle(
                        ImportFormat.KSH97_P,
                        new LazyFiles("ksh97-p", "KSH97P_KOD.ANS", "KSH97P_SFAMALT.ANS"),
                        metadata(Ksh97pImporter.URL, "ksh97-p", "1997", LocalDate.of(1997, 1, 1))),
                new Bundle(
                        ImportFormat.ICF,
                        new LazyFiles(
                                "icf",
                                "klassifikationer-koder-for-funktionstillstand-icf-2018.2.xls",
                                "icf-klassifikationer-koder-for-funktionstillstand-alternativa-termer-2019.xls"),
                        metadata(IcfImporter.URL, "icf", "2018.2", LocalDate.of(2018, 1, 1))),
                new Bundle(
                        ImportFormat.CODE_LIST_CSV,
                        new LazyFiles("hosp", "hosp-legitimationsyrken.csv"),
                        new ImportMetadata(
                                "http://socialstyrelsen.se/fhir/CodeSystem/hosp-legitimationsyrken",
                                "1.2.752.116.3.1.3",
                                List.of("1.2.752.29.23.1.6"),
                                "hosp-legitimationsyrken",
                                "HOSPLegitimationsyrken",
                                "Legitimationsyrken (HoSp)",
                                "Socialstyrelsen",
                                "1",
                                PublicationStatus.ACTIVE,
                                null)),
                new Bundle(
                        ImportFormat.CODE_LIST_CSV,
                        new LazyFiles("hosp", "hosp-behorighetsbegransning.csv"),
                        new ImportMetadata(
                                "http://socialstyrelsen.se/fhir/CodeSystem/hosp-behorighetsbegransning",
                                "1.2.752.116.3.1.5",
                                List.of(),
                                "hosp-behorighetsbegransning",
                                "HOSPBehorighetsbegransning",
                                "Typ av behörighetsbegränsning (HoSp)",
                                "Socialstyrelsen",
                                "1",
                                PublicationStatus.ACTIVE,
                                null)),
                new Bundle(
                        ImportFormat.HSA_BEFATTNING,
                        new LazyFiles("hsa-befattning", "befattningskoder.csv"),
                        metadata(HsaBefattningImporter.URL, "hsa-befattning", "1", null)),
                fmb("fmb-arbetsbelastning", "1.2.752.116.3.1.13", "FMBArbetsbelastning", "Arbetsbelastning (FMB)"),
                fmb(
                        "fmb-sjukskrivningsgrad",
                        "1.2.752.116.3.1.14",
                        "FMBSjukskrivningsgrad",
                        "Sjukskrivningsgrad (FMB)"),
                fmb(
                        "fmb-kunskapsstod",
                        "1.2.752.116.3.2.1",
                        "FMBKunskapsstod",
                        "Socialstyrelsens kunskapsstöd: typ av dokument (FMB)"),
                fmb(
                        "fmb-malgrupp",
                        "1.2.752.116.3.2.2.2",
                        "FMBMalgrupp",
                        "Kunskapsstödsdomäner metadata: primär målgrupp (FMB)"),
                fmb(
                        "fmb-grad-av-styrning",
                        "1.2.752.116.3.2.2.3",
                        "FMBGradAvStyrning",
                        "Kunskapsstödsdomäner metadata: grad av styrning (FMB)"),
                fmb(
                        "fmb-basta-tillgangliga-kunskap",
                        "1.2.752.116.3.2.2.4",
                        "FMBBastaTillgangligaKunskap",
                        "Kunskapsstödsdomäner metadata: bästa tillgängliga kunskap (FMB)"),
                fmb("fmb-status", "1.2.752.116.3.2.3", "FMBStatus", "Status (FMB)"),
                fmb("fmb-sjukdomsgrupp", "1.2.752.116.3.2.7", "FMBSjukdomsgrupp", "Sjukdomsgrupp (FMB)"));
    }

    /** One of the code lists of the FMB collections (their {@code kodsystem} OIDs), with the codes that occur in them. */
    private static Bundle fmb(String slug, String oid, String name, String title) {
        return new Bundle(
                ImportFormat.CODE_LIST_CSV,
                new LazyFiles("fmb", slug + ".csv"),
                new ImportMetadata(
                        "http://socialstyrelsen.se/fhir/CodeSystem/" + slug,
                        oid,
                        List.of(),
                        slug,
                        name,
                        title,
                        "Socialstyrelsen",
                        "1",
                        PublicationStatus.ACTIVE,
                        null));
    }

    private static Bundle icd(String version, PublicationStatus status) {
        return new Bundle(
                ImportFormat.ICD_10_SE,
                new LazyFiles("icd-10-se/" + version, "digit3.txt", "digit4.txt", "digit5.txt")
                        .and(new LazyFiles("icd-10-se/groupings", "chapter.txt", "block.txt")),
                new ImportMetadata(
                        Icd10SeImporter.URL,
                        null,
                        List.of(),
                        "icd-10-se",
                        null,
                        null,
                        null,
                        version,
                        status,
                        LocalDate.of(Integer.parseInt(version), 1, 1)));
    }

    private static ImportMetadata metadata(String url, String slug, String version, LocalDate effective) {
        return new ImportMetadata(
                url, null, List.of(), slug, null, null, null, version, PublicationStatus.ACTIVE, effective);
    }

    /** A bundled code system: its format, its files (read only when needed) and its identity. */
    record Bundle(ImportFormat format, LazyFiles lazyFiles, ImportMetadata metadata) {

        SourceFiles files() {
            return lazyFiles.read();
        }
    }

    /** Classpath files, read when the version is not yet stored. */
    record LazyFiles(List<String[]> folders) {

        LazyFiles(String folder, String... names) {
            this(List.<String[]>of(concat(folder, names)));
        }

        LazyFiles and(LazyFiles more) {
            var all = new java.util.ArrayList<>(folders);
            all.addAll(more.folders);
            return new LazyFiles(List.copyOf(all));
        }

        SourceFiles read() {
            SourceFiles files = new SourceFiles(java.util.Map.of());
            for (var folder : folders) {
                files = files.and(SourceFiles.classpath(
                        ROOT + folder[0], java.util.Arrays.copyOfRange(folder, 1, folder.length)));
            }
            return files;
        }

        private static String[] concat(String folder, String... names) {
            var all = new String[names.length + 1];
            all[0] = folder;
            System.arraycopy(names, 0, all, 1, names.length);
            return all;
        }
    }
}
