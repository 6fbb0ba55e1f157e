package org.example.fmb.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.example.fmb.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ContentImportTests extends IntegrationTestSupport {

    @Autowired
    ContentImport contentImport;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadsAllDiagnosesAndTypicalCasesOnce() {
        assertThat(jdbc.queryForObject("select count(*) from diagnosis", Integer.class)).isEqualTo(116);
        assertThat(jdbc.queryForObject("""
                select count(*) from typical_case t join diagnosis_version v on v.id = t.diagnosis_version_id
                where v.version_number = (select min(version_number) from diagnosis_version w where w.diagnosis_id = v.diagnosis_id)
                """, Integer.class)).isEqualTo(439);

        assertThat(contentImport.importReferenceContent()).isZero();

        assertThat(jdbc.queryForObject("select count(*) from diagnosis", Integer.class)).isEqualTo(116);
    }

    @Test
    void keepsSectionsTheSourcesLackEmpty() {
        // Akut bronkit (1) comes from the CSV only: no insurance-medical text may be invented for it.
        assertThat(jdbc.queryForObject("""
                select count(*) from diagnosis_version where diagnosis_id = 1 and insurance_medical_information is null
                and symptoms_prognosis_treatment is null and functional_impairment is null
                """, Integer.class)).isEqualTo(1);
        // Depressiv episod (508) comes from the full JSON capture, with its HTML.
        assertThat(jdbc.queryForObject("""
                select rehabilitation_information from diagnosis_version where diagnosis_id = 508 order by version_number limit 1
                """, String.class)).startsWith("<p>Lindriga och medelsvåra tillstånd");
    }
}
