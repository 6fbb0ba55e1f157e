package org.example.fmb.sickleave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.example.fmb.authoring.Code;
import org.example.fmb.authoring.Degree;
import org.example.fmb.authoring.DurationUnit;
import org.example.fmb.authoring.TypicalCaseContent;
import org.junit.jupiter.api.Test;

class SickLeaveCheckServiceTests {

    private static TypicalCaseContent tc(long id, int weeks, String... codes) {
        return new TypicalCaseContent(
                id,
                "case " + id,
                null,
                java.util.Arrays.stream(codes).map(c -> Code.icd10(c, c)).toList(),
                null,
                null,
                weeks,
                DurationUnit.WEEKS,
                Degree.FULL,
                null,
                "1",
                null);
    }

    @Test
    void picksTheCasesOfTheMostSpecificMatchingCode() {
        var cases = List.of(tc(1, 1, "J02", "J03"), tc(2, 2, "J36"));
        assertThat(SickLeaveCheckService.matchingCases(cases, "J36"))
                .extracting(TypicalCaseContent::fmbId)
                .containsExactly(2L);
        assertThat(SickLeaveCheckService.matchingCases(cases, "J039"))
                .extracting(TypicalCaseContent::fmbId)
                .containsExactly(1L);
    }

    @Test
    void fallsBackToAllCasesWhenNoneNamesTheCode() {
        var cases = List.of(tc(1, 1, "S12"), tc(2, 2, "S220"));
        assertThat(SickLeaveCheckService.matchingCases(cases, "T00")).hasSize(2);
    }
}
