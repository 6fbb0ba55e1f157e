package org.example.codeserver.codesystem;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.lang.Nullable;

/**
 * One immutable release of a code system. Its concepts are stored in bulk (see {@code ConceptRepository}); the
 * version records how many there must be.
 */
@Entity
class CodeSystemVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "code_system_id")
    private CodeSystem codeSystem;

    private String version;

    @Enumerated(EnumType.STRING)
    private PublicationStatus status;

    private LocalDate effectiveDate;
    private String language;
    private String hierarchyMeaning;
    private int conceptCount;
    private String content;
    private boolean caseSensitive;
    private String source;
    private Instant importedAt;

    protected CodeSystemVersion() {}

    CodeSystemVersion(CodeSystem codeSystem, NewCodeSystem source, Instant importedAt) {
        this.codeSystem = codeSystem;
        this.version = source.version();
        this.status = source.status();
        this.effectiveDate = source.effectiveDate();
        this.language = source.language();
        this.hierarchyMeaning = source.hierarchyMeaning();
        this.conceptCount = source.concepts().size();
        this.content = source.content();
        this.caseSensitive = source.caseSensitive();
        this.source = source.source();
        this.importedAt = importedAt;
    }

    /** Fails the import unless the database holds exactly the number of concepts the file had. */
    void confirmStored(int storedConcepts) {
        if (storedConcepts != conceptCount) {
            throw new InvalidCodeSystemException(
                    0,
                    "Stored " + storedConcepts + " concepts but the source has " + conceptCount
                            + "; nothing was imported");
        }
    }

    Long getId() {
        return id;
    }

    CodeSystem getCodeSystem() {
        return codeSystem;
    }

    @Nullable
    String getVersion() {
        return version;
    }

    PublicationStatus getStatus() {
        return status;
    }

    @Nullable
    LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    @Nullable
    String getLanguage() {
        return language;
    }

    @Nullable
    String getHierarchyMeaning() {
        return hierarchyMeaning;
    }

    int getConceptCount() {
        return conceptCount;
    }

    String getContent() {
        return content;
    }

    boolean isCaseSensitive() {
        return caseSensitive;
    }

    @Nullable
    String getSource() {
        return source;
    }

    Instant getImportedAt() {
        return importedAt;
    }
}
