package org.example.codeserver.codesystem;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.lang.Nullable;

/** A code system, identified by its canonical URL and OID; its content lives in {@link CodeSystemVersion}s. */
@Entity
class CodeSystem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;
    private String url;
    private String oid;
    private String name;
    private String title;
    private String publisher;
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "code_system_alias_oid", joinColumns = @JoinColumn(name = "code_system_id"))
    @Column(name = "oid")
    private Set<String> aliasOids = new LinkedHashSet<>();

    protected CodeSystem() {}

    CodeSystem(String slug, String url, @Nullable String oid, String name) {
        this.slug = slug;
        this.url = url;
        this.oid = oid;
        this.name = name;
    }

    /**
     * Takes the descriptive metadata of a newly imported version; blank values keep what is known. The OID of a code
     * system never changes once set.
     */
    void describe(NewCodeSystem source) {
        if (source.oid() != null && oid != null && !oid.equals(source.oid())) {
            throw new InvalidCodeSystemException(
                    0, "oid", "Code system " + url + " has OID " + oid + ", not " + source.oid());
        }
        if (oid == null) {
            oid = source.oid();
        }
        name = firstNonBlank(source.name(), name);
        title = firstNonBlank(source.title(), title);
        publisher = firstNonBlank(source.publisher(), publisher);
        description = firstNonBlank(source.description(), description);
        addAliasOids(source.aliasOids());
    }

    void addAliasOids(Collection<String> oids) {
        for (var alias : oids) {
            if (!Objects.equals(alias, oid)) {
                aliasOids.add(alias);
            }
        }
    }

    private static String firstNonBlank(@Nullable String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getUrl() {
        return url;
    }

    @Nullable
    String getOid() {
        return oid;
    }

    String getName() {
        return name;
    }

    @Nullable
    String getTitle() {
        return title;
    }

    @Nullable
    String getPublisher() {
        return publisher;
    }

    @Nullable
    String getDescription() {
        return description;
    }

    Set<String> getAliasOids() {
        return Set.copyOf(aliasOids);
    }
}
