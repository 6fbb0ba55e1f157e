package org.example.fmb.authoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VersionEventRepository extends JpaRepository<VersionEvent, Long> {

    List<VersionEvent> findByDocumentTypeAndDocumentVersionIdInOrderByIdAsc(
            VersionEvent.DocumentType type, java.util.Collection<Long> versionIds);

    @Query(
            "select e from VersionEvent e where e.id in (select max(x.id) from VersionEvent x"
                    + " where x.documentType = org.example.fmb.authoring.VersionEvent.DocumentType.DIAGNOSIS group by x.documentVersionId)")
    List<VersionEvent> findLatestPerDiagnosisVersion();

    @Query("select coalesce(max(e.id), 0) from VersionEvent e")
    long latestId();
}
