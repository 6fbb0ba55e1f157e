package org.example.deathcertificate.coding;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CodingCheckRepository extends JpaRepository<CodingCheck, Long> {

    List<CodingCheck> findByCodingIdInOrderByCheckedAt(Collection<Long> codingIds);
}
