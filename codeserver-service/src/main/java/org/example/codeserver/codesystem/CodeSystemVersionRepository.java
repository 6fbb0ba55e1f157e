package org.example.codeserver.codesystem;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.lang.Nullable;

interface CodeSystemVersionRepository extends JpaRepository<CodeSystemVersion, Long> {

    @Query("select v from CodeSystemVersion v join fetch v.codeSystem")
    List<CodeSystemVersion> findAllWithCodeSystem();

    boolean existsByCodeSystemUrlAndVersion(String url, String version);

    boolean existsByCodeSystemUrlAndVersionIsNull(String url);

    default boolean exists(String url, @Nullable String version) {
        return version == null
                ? existsByCodeSystemUrlAndVersionIsNull(url)
                : existsByCodeSystemUrlAndVersion(url, version);
    }
}
