import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Date;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r5.context.CanonicalResourceManager.CanonicalResourceProxy;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.model.CanonicalResource;
import org.hl7.fhir.r5.model.CodeSystem;
import org.hl7.fhir.r5.model.PackageInformation;

/**
 * What FHIR's core definitions cost the code server (codeserver-service's CoreDefinitions and TerminologyWorkspace do
 * the same steps): CPU time and retained heap of reading and converting the bundle once, and CPU time and heap of the
 * lazy entries in each engine context. Figures that do not depend on the machine's load: CPU time, heap.
 * Usage: bench/codeserver-fhir/core-definitions.sh
 */
public class CoreDefinitionsBench {

    private static final int CONTEXTS = 8;

    public static void main(String[] args) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var base = new SimpleWorkerContext.SimpleWorkerContextBuilder().fromNothing();
        long heapBefore = usedHeap();
        long cpu = threads.getCurrentThreadCpuTime();
        var bundle = (org.hl7.fhir.r4.model.Bundle) new org.hl7.fhir.r4.formats.XmlParser()
                .parse(CoreDefinitionsBench.class.getResourceAsStream("/org/hl7/fhir/r4/model/valueset/valuesets.xml"));
        var definitions = new ArrayList<CanonicalResource>();
        for (var entry : bundle.getEntry()) {
            if (entry.getResource() instanceof org.hl7.fhir.r4.model.CodeSystem
                    || entry.getResource() instanceof org.hl7.fhir.r4.model.ValueSet) {
                definitions.add((CanonicalResource) VersionConvertorFactory_40_50.convertResource(entry.getResource()));
            }
        }
        bundle = null;
        System.out.printf(
                "read and convert %d definitions: %d ms CPU%n",
                definitions.size(), (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        long heapDefinitions = usedHeap();
        System.out.printf("heap retained by the definitions: %.1f MB%n", (heapDefinitions - heapBefore) / 1e6);

        var plain = new ArrayList<SimpleWorkerContext>();
        for (int i = 0; i < CONTEXTS; i++) {
            plain.add(new SimpleWorkerContext(base));
        }
        long heapPlain = usedHeap();
        var info = new PackageInformation("hl7.fhir.r4.core", "4.0.1", "4.0.1", new Date(0));
        long registering = 0;
        for (int i = 0; i < CONTEXTS; i++) {
            var context = plain.get(i);
            context.setAllowLoadingDuplicates(true);
            long start = threads.getCurrentThreadCpuTime();
            for (var definition : definitions) {
                context.registerResourceFromPackage(proxy(definition), info);
            }
            long spent = threads.getCurrentThreadCpuTime() - start;
            if (i > 0) {
                registering += spent; // the first one warms the JIT
            }
        }
        System.out.printf(
                "lazy entries: %.1f ms CPU per engine context (mean of %d, after one warm-up)%n",
                registering / 1e6 / (CONTEXTS - 1), CONTEXTS - 1);
        System.out.printf("lazy entries: %.1f MB heap per engine context%n", (usedHeap() - heapPlain) / 1e6 / CONTEXTS);
        System.out.println(plain.get(0).fetchResource(
                        org.hl7.fhir.r5.model.ValueSet.class, "http://hl7.org/fhir/ValueSet/administrative-gender")
                != null ? "administrative-gender resolves" : "administrative-gender does NOT resolve");
    }

    private static CanonicalResourceProxy proxy(CanonicalResource definition) {
        var codeSystem = definition instanceof CodeSystem cs ? cs : null;
        return new CanonicalResourceProxy(
                definition.fhirType(),
                definition.getIdPart(),
                definition.getUrl(),
                definition.getVersion(),
                codeSystem != null && codeSystem.hasSupplements() ? codeSystem.getSupplements() : null,
                null,
                codeSystem != null && codeSystem.hasContent() ? codeSystem.getContent().toCode() : null) {
            @Override
            public CanonicalResource loadResource() {
                return definition.copy();
            }
        };
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
