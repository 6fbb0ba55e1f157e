package org.example.deathcertificate.coding;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CodingRepository extends JpaRepository<Coding, Long> {

    List<Coding> findByCertificateIdOrderByVersionDesc(String certificateId);

    Optional<Coding> findFirstByCertificateIdOrderByVersionDesc(String certificateId);
}
