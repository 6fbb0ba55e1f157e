package org.example.codeserver.codesystem;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CodeSystemRepository extends JpaRepository<CodeSystem, Long> {

    Optional<CodeSystem> findByUrl(String url);

    boolean existsBySlug(String slug);
}
