package org.example.codeserver.fhir;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;

/** A ValueSet, ConceptMap or CodeSystem held as its FHIR R4 JSON, with the columns the FHIR search filters on. */
@Entity
class TerminologyResource {

    /** The lengths of the search columns (V20__create_terminology_resource.sql). */
    static final int URL_LENGTH = 1024;

    static final int VERSION_LENGTH = 256;
    static final int NAME_LENGTH = 512;
    static final int TITLE_LENGTH = 1024;

    @Id
    private String id;

    private String resourceType;

    @Column(length = URL_LENGTH)
    private String url;

    @Column(length = VERSION_LENGTH)
    private String version;

    @Column(length = NAME_LENGTH)
    private String name;

    @Column(length = TITLE_LENGTH)
    private String title;

    private String status;
    private String content;
    private int revision;
    private OffsetDateTime lastUpdated;

    protected TerminologyResource() {
        // for JPA
    }

    TerminologyResource(String id, String resourceType) {
        this.id = id;
        this.resourceType = resourceType;
    }

    /** Replaces the content with a new revision made at that time; the search columns follow the content. */
    void revise(
            String url, String version, String name, String title, String status, String content, OffsetDateTime at) {
        this.url = url;
        this.version = version;
        this.name = name;
        this.title = title;
        this.status = status;
        this.content = content;
        this.revision++;
        this.lastUpdated = at;
    }

    String getId() {
        return id;
    }

    String getResourceType() {
        return resourceType;
    }

    String getUrl() {
        return url;
    }

    String getVersion() {
        return version;
    }

    String getName() {
        return name;
    }

    String getTitle() {
        return title;
    }

    String getStatus() {
        return status;
    }

    String getContent() {
        return content;
    }

    int getRevision() {
        return revision;
    }

    OffsetDateTime getLastUpdated() {
        return lastUpdated;
    }
}
