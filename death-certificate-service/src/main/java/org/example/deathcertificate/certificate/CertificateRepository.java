package org.example.deathcertificate.certificate;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository
        extends JpaRepository<DeathCertificate, Long>, JpaSpecificationExecutor<DeathCertificate> {

    Optional<DeathCertificate> findByCertificateId(String certificateId);

    @Query(
            "select c.certificateId from DeathCertificate c where c.replacesCertificateId = :certificateId order by c.receivedAt")
    java.util.List<String> findReplacements(String certificateId);
}
