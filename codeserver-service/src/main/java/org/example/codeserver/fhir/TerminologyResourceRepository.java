package org.example.codeserver.fhir;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TerminologyResourceRepository extends JpaRepository<TerminologyResource, String> {

    /** Every stored resource's id, type and revision, without its content. */
    @Query("select new org.example.codeserver.fhir.StoredRevision(r.id, r.resourceType, r.revision)"
            + " from TerminologyResource r")
    List<StoredRevision> findRevisions();
}
