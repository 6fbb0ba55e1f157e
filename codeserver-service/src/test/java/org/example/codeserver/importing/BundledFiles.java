package org.example.codeserver.importing;

import org.example.codeserver.codesystem.NewCodeSystem;

/** The bundled code systems parsed as at startup, for parser tests. */
final class BundledFiles {

    private BundledFiles() {}

    static NewCodeSystem parse(CodeSystemParser parser, String slug, String version) {
        var bundle = BundledCodeSystems.bundled().stream()
                .filter(b -> b.metadata().slug().equals(slug)
                        && b.metadata().version().equals(version))
                .findFirst()
                .orElseThrow();
        return parser.parse(bundle.files(), bundle.metadata());
    }
}
