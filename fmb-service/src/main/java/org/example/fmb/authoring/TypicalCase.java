package org.example.fmb.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A typical case (typfall) as held by one diagnosis version. */
@Entity
class TypicalCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long fmbId;
    private int position;
    private String versionLabel;
    private String sentence;
    private String conditionSentence;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "icd10_codes", columnDefinition = "jsonb")
    private List<Code> icd10Codes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<Code> keywords;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Criteria criteria;

    private String recommendation;
    private Integer maxValue;
    private String maxUnit;

    @Enumerated(EnumType.STRING)
    private Degree maxDegree;

    private OffsetDateTime lastUpdated;
    private String description;
    private java.time.LocalDate validFrom;

    protected TypicalCase() {}

    TypicalCase(long fmbId, int position, TypicalCaseContent content, String versionLabel, OffsetDateTime lastUpdated) {
        this.fmbId = fmbId;
        replace(position, content, versionLabel, lastUpdated);
    }

    void replace(int position, TypicalCaseContent content, String versionLabel, OffsetDateTime lastUpdated) {
        this.position = position;
        this.versionLabel = versionLabel;
        this.sentence = content.sentence();
        this.conditionSentence = content.conditionSentence();
        this.icd10Codes = content.icd10Codes();
        this.keywords = content.keywords();
        this.criteria = content.criteria();
        this.recommendation = content.recommendation();
        this.maxValue = content.maxValue();
        this.maxUnit = content.maxUnit() == null ? null : content.maxUnit().fmbCode();
        this.maxDegree = content.maxDegree();
        this.lastUpdated = lastUpdated;
        this.description = content.description();
        this.validFrom = content.validFrom();
    }

    /** A published version's cases are valid as the version is (the source's own dates held for the import only). */
    void takeValidityOfItsVersion() {
        validFrom = null;
    }

    long getFmbId() {
        return fmbId;
    }

    TypicalCaseContent content() {
        return new TypicalCaseContent(
                fmbId,
                sentence,
                conditionSentence,
                icd10Codes,
                criteria,
                recommendation,
                maxValue,
                DurationUnit.ofFmbCode(maxUnit),
                maxDegree,
                keywords,
                versionLabel,
                lastUpdated,
                description,
                validFrom);
    }
}
