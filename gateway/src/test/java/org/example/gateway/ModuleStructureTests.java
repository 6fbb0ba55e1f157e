package org.example.gateway;

import org.example.architecture.ModuleStructure;

/** The structure rules of the suite (architecture-rules' ModuleStructure), checked on this module. */
class ModuleStructureTests extends ModuleStructure {

    ModuleStructureTests() {
        super("org.example.gateway");
    }
}
