package org.example.deathcertificate.coding;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** One version of a certificate's coding: who coded what and when, and who checked it. */
public record CodingDetails(
        String certificateId,
        int version,
        String codedBy,
        Instant codedAt,

        @Schema(description = "ICD-10-SE version used (valid on the date of death)")
        String codeSystemVersion,

        List<Line> lines,
        Code underlyingCause,

        @Schema(description = "What the general principle suggested when this version was saved")
        String suggestedUnderlyingCause,

        String note,
        List<Check> checks) {

    /** A code with its dot and its WHO ICD-10 level. */
    public record Code(String code, String dotted, String who) {}

    public record Line(String line, List<Code> codes) {}

    public record Check(String checkedBy, Instant checkedAt, boolean agrees, String comment) {}

    static CodingDetails of(Coding coding, List<CodingCheck> checks) {
        var version = coding.getCodeSystemVersion();
        var lines = coding.getLines().stream()
                .map(line -> new Line(
                        line.line(),
                        IntStream.range(0, line.codes().size())
                                .mapToObj(i -> new Code(
                                        line.codes().get(i),
                                        Icd10Code.dotted(line.codes().get(i)),
                                        line.who().get(i)))
                                .toList()))
                .toList();
        var underlying = new Code(
                coding.getUnderlyingCause(),
                Icd10Code.dotted(coding.getUnderlyingCause()),
                coding.getUnderlyingCauseWho());
        return new CodingDetails(
                coding.getCertificateId(),
                coding.getVersion(),
                coding.getCodedBy(),
                coding.getCodedAt(),
                version,
                lines,
                underlying,
                coding.getSuggestedUnderlying(),
                coding.getNote(),
                checks.stream()
                        .map(c -> new Check(c.getCheckedBy(), c.getCheckedAt(), c.isAgrees(), c.getComment()))
                        .toList());
    }

    /** Agreed by a second coder, and not disputed by anyone. */
    public boolean checked() {
        return checks.stream().anyMatch(Check::agrees) && checks.stream().allMatch(Check::agrees);
    }

    public boolean disputed() {
        return checks.stream().anyMatch(c -> !c.agrees());
    }
}
