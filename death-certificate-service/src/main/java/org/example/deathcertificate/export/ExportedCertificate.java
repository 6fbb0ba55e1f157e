package org.example.deathcertificate.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One record of the register export: the certificate, its manner of death and its final coding, each code in
 * ICD-10-SE and at WHO ICD-10 level. The layout is documented in docs/death-certificates.md.
 */
record ExportedCertificate(
        String certificateId,
        String personnummer,
        String birthDate,
        String dateOfDeath,
        String municipality,
        String channel,
        String receivedAt,
        boolean injuryOrPoisoning,
        String injuryCause,
        String underlyingCause,
        String underlyingCauseWho,
        List<Line> lines,
        String codeSystemVersion,
        int codingVersion,
        String codedBy,
        String codedAt,
        String checkedBy) {

    record Line(String line, List<String> codes, List<String> who) {}

    static final List<String> CSV_HEADER = List.of(
            "certificate_id",
            "personnummer",
            "birth_date",
            "date_of_death",
            "municipality",
            "channel",
            "received_at",
            "injury_or_poisoning",
            "injury_cause",
            "underlying_cause",
            "underlying_cause_who",
            "line_a",
            "line_a_who",
            "line_b",
            "line_b_who",
            "line_c",
            "line_c_who",
            "line_d",
            "line_d_who",
            "contributing",
            "contributing_who",
            "injury_line",
            "injury_line_who",
            "code_system_version",
            "coding_version",
            "coded_by",
            "coded_at",
            "checked_by");

    /** The CSV fields in {@link #CSV_HEADER} order; several codes of a line are separated by a space. */
    List<String> csvFields() {
        var fields = new ArrayList<String>(List.of(
                certificateId,
                nz(personnummer),
                nz(birthDate),
                dateOfDeath,
                municipality,
                channel,
                receivedAt,
                Boolean.toString(injuryOrPoisoning),
                nz(injuryCause),
                underlyingCause,
                underlyingCauseWho));
        for (var label : List.of("A", "B", "C", "D")) {
            fields.add(codes(l -> l.line().equals(label), false));
            fields.add(codes(l -> l.line().equals(label), true));
        }
        fields.add(codes(l -> l.line().startsWith("10."), false));
        fields.add(codes(l -> l.line().startsWith("10."), true));
        fields.add(codes(l -> l.line().equals("12"), false));
        fields.add(codes(l -> l.line().equals("12"), true));
        fields.addAll(List.of(codeSystemVersion, Integer.toString(codingVersion), codedBy, codedAt, nz(checkedBy)));
        return fields;
    }

    private String codes(Predicate<Line> which, boolean who) {
        return String.join(
                " ",
                lines.stream()
                        .filter(which)
                        .flatMap(l -> (who ? l.who() : l.codes()).stream())
                        .toList());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
