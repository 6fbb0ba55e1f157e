package org.example.codeserver;

import java.util.List;
import org.example.architecture.ModuleStructure;

/** The structure rules of the suite (architecture-rules' ModuleStructure), checked on this module. */
class ModuleStructureTests extends ModuleStructure {

    ModuleStructureTests() {
        super("org.example.codeserver");
    }

    /**
     * Issue 15, item 4 ("inject Clock where the code reads the time"): the FHIR resources' revision stamp still reads
     * the system clock. Only this call is allowed until that item reaches the code server.
     */
    @Override
    protected List<String> knownViolations() {
        return List.of("<org.example.codeserver.fhir.TerminologyResource.revise(java.lang.String, java.lang.String, "
                + "java.lang.String, java.lang.String, java.lang.String, java.lang.String)> calls method "
                + "<java.time.OffsetDateTime.now()>");
    }
}
