package org.example.fmb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.DiagnosisContent;
import org.example.fmb.authoring.PublishedDiagnosis;
import org.junit.jupiter.api.Test;

class PublishedContentTests {

    private final PublishedContent content = new PublishedContent(
            1,
            LocalDate.of(2026, 12, 6),
            Instant.EPOCH,
            List.of(diagnosis(508, "F32"), diagnosis(498, "F430"), diagnosis(259, "M545")),
            null);

    @Test
    void findsADiagnosisByCodeWithOrWithoutDot() {
        assertThat(content.byCode("F32").orElseThrow().diagnosis().id()).isEqualTo(508);
        assertThat(content.byCode("f43.0").orElseThrow().diagnosis().id()).isEqualTo(498);
        assertThat(content.byCode("M54.5").orElseThrow().matchedCode()).isEqualTo("M545");
    }

    @Test
    void fallsBackToParentCodesDownToThreeCharacters() {
        var match = content.byCode("F32.1").orElseThrow();
        assertThat(match.diagnosis().id()).isEqualTo(508);
        assertThat(match.requestedCode()).isEqualTo("F321");
        assertThat(match.matchedCode()).isEqualTo("F32");
        assertThat(content.byCode("F430A").orElseThrow().matchedCode()).isEqualTo("F430");
    }

    @Test
    void neverFallsBackBelowThreeCharacters() {
        assertThat(content.byCode("M54")).isEmpty();
        assertThat(content.byCode("F3")).isEmpty();
        assertThat(content.byCode("F43.1")).isEmpty();
    }

    private static PublishedDiagnosis diagnosis(long id, String code) {
        var c = DiagnosisContent.titled("T" + id).withCodes(null, List.of(Code.icd10(code, "x")));
        return new PublishedDiagnosis(
                id, 1, LocalDate.of(2026, 1, 1), null, OffsetDateTime.parse("2026-01-01T00:00:00Z"), c);
    }
}
