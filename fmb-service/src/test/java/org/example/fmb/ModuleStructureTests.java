package org.example.fmb;

import org.example.architecture.ModuleStructure;

/** The structure rules of the suite (architecture-rules' ModuleStructure), checked on this module: no known violations. */
class ModuleStructureTests extends ModuleStructure {

    ModuleStructureTests() {
        super("org.example.fmb");
    }
}
