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
        assertThat(jdbc.queryForObject("select count(*) from diagnosis", Integer.class))
                .isEqualTo(116);
        assertThat(jdbc.queryForObject("""
                select count(*) from typical_case t join diagnosis_version v on v.id = t.diagnosis_version_id
                where v.version_number = (select min(version_number) from diagnosis_version w where w.diagnosis_id = v.diagnosis_id)
                """, Integer.class)).isEqualTo(439);

        assertThat(contentImport.importReferenceContent()).isZero();

        assertThat(jdbc.queryForObject("select count(*) from diagnosis", Integer.class))
                .isEqualTo(116);
    }

    @Test
    void keepsSectionsTheCaptureLacksEmptyAndLoadsEveryOtherText() {
        // Borreliainfektion (66) has no rehabilitation section in the capture: nothing may be invented for it.
        assertThat(jdbc.queryForObject("""
                select count(*) from diagnosis_version where diagnosis_id = 66 and rehabilitation_information is null
                and insurance_medical_information like '<p>%' and functional_impairment is not null
                """, Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from diagnosis_version where created_by = 'fmb-import' and insurance_medical_information is null
                """, Integer.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select rehabilitation_information from diagnosis_version where diagnosis_id = 508 order by version_number limit 1
                """, String.class)).startsWith("<p>Lindriga och medelsvåra tillstånd");
    }

    @Test
    void completesADiagnosisAnEarlierReleaseLoadedWithoutItsTexts() {
        var before =
                jdbc.queryForMap("select insurance_medical_information, symptoms_prognosis_treatment, version_number"
                        + " from diagnosis_version where diagnosis_id = 62");
        jdbc.update(
                "update diagnosis_version set insurance_medical_information = null, symptoms_prognosis_treatment = null,"
                        + " version_number = 1 where diagnosis_id = 62");
        jdbc.update("update typical_case set sentence = 'gammal mening' where diagnosis_version_id ="
                + " (select id from diagnosis_version where diagnosis_id = 62)");

        assertThat(contentImport.importReferenceContent()).isZero();

        var after =
                jdbc.queryForMap("select insurance_medical_information, symptoms_prognosis_treatment, version_number"
                        + " from diagnosis_version where diagnosis_id = 62");
        assertThat(after).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from typical_case where sentence = 'gammal mening'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from diagnosis_version where diagnosis_id = 62", Integer.class))
                .isEqualTo(1);
    }
}
