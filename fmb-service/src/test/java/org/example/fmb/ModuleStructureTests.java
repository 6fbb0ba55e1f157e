package org.example.fmb;

import java.util.List;
import org.example.architecture.ModuleStructure;

/** The structure rules of the suite (architecture-rules' ModuleStructure), checked on this module. */
class ModuleStructureTests extends ModuleStructure {

    ModuleStructureTests() {
        super("org.example.fmb");
    }

    /**
     * Issue 15, item 4 ("inject Clock where the code reads the time"): FMB's content entities and reference import
     * still stamp their times from the system clock. Only these calls are allowed until that item reaches FMB.
     */
    @Override
    protected List<String> knownViolations() {
        return List.of(
                "<org.example.fmb.content.Diagnosis.<init>(long)> calls method <java.time.Instant.now()>",
                "<org.example.fmb.content.DiagnosisVersion.<init>(long, int, org.example.fmb.content.Status, "
                        + "java.lang.String, java.lang.Integer)> calls method <java.time.Instant.now()>",
                "<org.example.fmb.content.PrinciplesVersion.<init>(int, org.example.fmb.content.Status, "
                        + "java.lang.String, java.lang.String, java.lang.String)> calls method <java.time.Instant.now()>",
                "<org.example.fmb.content.PublishedContent.<init>(long, java.time.LocalDate, java.util.List, "
                        + "org.example.fmb.content.PublishedPrinciples)> calls method <java.time.Instant.now()>",
                "<org.example.fmb.content.VersionEvent.<init>(org.example.fmb.content.VersionEvent$DocumentType, long, "
                        + "java.lang.String, java.lang.String, java.lang.String)> calls method <java.time.Instant.now()>",
                "<org.example.fmb.content.ContentImport.importReferenceContent()> calls method <java.time.LocalDate.now()>");
    }
}
