package org.example.platform.database;

import org.example.architecture.ModuleStructure;

/** The structure rules of the suite (architecture-rules' ModuleStructure), checked on this module. */
class ModuleStructureTests extends ModuleStructure {

    ModuleStructureTests() {
        super("org.example.platform.database");
    }

    @Override
    protected boolean usesPlatform() {
        return false; // the platform's web and security part builds on this one, never the other way
    }
}
