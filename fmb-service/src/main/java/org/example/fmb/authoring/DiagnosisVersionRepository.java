package org.example.fmb.authoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DiagnosisVersionRepository extends JpaRepository<DiagnosisVersion, Long> {

    @EntityGraph(attributePaths = "typicalCases")
    @Query("select v from DiagnosisVersion v where v.state.status = org.example.fmb.authoring.Status.PUBLISHED")
    List<DiagnosisVersion> findAllPublished();

    List<DiagnosisVersion> findByDiagnosisIdOrderByVersionNumberDesc(long diagnosisId);

    Optional<DiagnosisVersion> findByDiagnosisIdAndVersionNumber(long diagnosisId, int versionNumber);

    @Query("select coalesce(max(v.versionNumber), 0) from DiagnosisVersion v where v.diagnosisId = ?1")
    int maxVersionNumber(long diagnosisId);

    @Query("select v from DiagnosisVersion v where v.state.status in (org.example.fmb.authoring.Status.DRAFT,"
            + " org.example.fmb.authoring.Status.IN_REVIEW, org.example.fmb.authoring.Status.APPROVED,"
            + " org.example.fmb.authoring.Status.RETIREMENT_PROPOSED)"
            + " and v.diagnosisId = ?1")
    List<DiagnosisVersion> findOpen(long diagnosisId);

    @Query("select v from DiagnosisVersion v order by v.diagnosisId, v.versionNumber")
    List<DiagnosisVersion> findAllOrdered();
}
