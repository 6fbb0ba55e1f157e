package org.example.codeserver.codesystem;

import java.util.ArrayList;
import java.util.List;
import org.springframework.lang.Nullable;

/** A concept in the in-memory read model, linked to its parents and children. Immutable once the index is built. */
final class IndexedConcept {

    private final int ordinal;
    private final String code;
    private final @Nullable String display;
    private final @Nullable String definition;
    private final ConceptStatus status;
    private final List<Designation> designations;
    private final List<ConceptProperty> properties;
    private List<IndexedConcept> parents = new ArrayList<>();
    private List<IndexedConcept> children = new ArrayList<>();

    IndexedConcept(
            int ordinal,
            String code,
            @Nullable String display,
            @Nullable String definition,
            ConceptStatus status,
            List<Designation> designations,
            List<ConceptProperty> properties) {
        this.ordinal = ordinal;
        this.code = code;
        this.display = display;
        this.definition = definition;
        this.status = status;
        this.designations = List.copyOf(designations);
        this.properties = List.copyOf(properties);
    }

    void linkParent(IndexedConcept parent) {
        parents.add(parent);
        parent.children.add(this);
    }

    void freeze() {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
    }

    int ordinal() {
        return ordinal;
    }

    String code() {
        return code;
    }

    @Nullable
    String display() {
        return display;
    }

    @Nullable
    String definition() {
        return definition;
    }

    ConceptStatus status() {
        return status;
    }

    List<Designation> designations() {
        return designations;
    }

    List<ConceptProperty> properties() {
        return properties;
    }

    List<IndexedConcept> parents() {
        return parents;
    }

    List<IndexedConcept> children() {
        return children;
    }
}
