package org.example.fmb.authoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PrinciplesVersionRepository extends JpaRepository<PrinciplesVersion, Long> {

    List<PrinciplesVersion> findAllByOrderByVersionNumberDesc();

    Optional<PrinciplesVersion> findByVersionNumber(int versionNumber);

    @Query("select coalesce(max(p.versionNumber), 0) from PrinciplesVersion p")
    int maxVersionNumber();
}
