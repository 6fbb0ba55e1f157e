package org.example.codeserver.fhir;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TerminologyResourceRepository extends JpaRepository<TerminologyResource, String> {

    List<TerminologyResource> findByResourceType(String resourceType);
}
