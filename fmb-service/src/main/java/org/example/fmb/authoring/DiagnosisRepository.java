package org.example.fmb.authoring;

import org.springframework.data.jpa.repository.JpaRepository;

interface DiagnosisRepository extends JpaRepository<Diagnosis, Long> {}
