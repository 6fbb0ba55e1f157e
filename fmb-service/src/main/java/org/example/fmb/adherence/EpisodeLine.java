package org.example.fmb.adherence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One line of the upload format, {@code icd10_code,start,end,degree,sex,age_band,region}: an anonymised sick-leave
 * episode. Its length counts calendar days, both ends included, whatever the degree (the sick-leave check's rule).
 */
record EpisodeLine(String icd10Code, LocalDate start, int lengthDays, String region) {

    static final String HEADER = "icd10_code,start,end,degree,sex,age_band,region";
    static final int LONGEST_EPISODE_DAYS = 3660;
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}[0-9A-Z]{0,4}");
    private static final Set<String> DEGREES = Set.of("25", "50", "75", "100");
    private static final Set<String> SEXES = Set.of("F", "M");
    static final Set<String> AGE_BANDS = Set.of("16-24", "25-34", "35-44", "45-54", "55-64", "65+");

    /** The episode of a line, or what is wrong with it (every problem of the line, not just the first). */
    static Parsed parse(String line) {
        var fields = line.split(",", -1);
        if (fields.length != 7) {
            return Parsed.invalid(List.of("has " + fields.length + " fields, expected 7 (" + HEADER + ")"));
        }
        var problems = new ArrayList<String>();
        var code = fields[0].strip().replace(".", "").toUpperCase(java.util.Locale.ROOT);
        if (!ICD10.matcher(code).matches()) {
            problems.add("icd10_code is not an ICD-10-SE code");
        }
        var start = date(fields[1], "start", problems);
        var end = date(fields[2], "end", problems);
        long length = 0;
        if (start != null && end != null) {
            length = ChronoUnit.DAYS.between(start, end) + 1;
            if (length < 1) {
                problems.add("end is before start");
            } else if (length > LONGEST_EPISODE_DAYS) {
                problems.add("the episode is longer than " + LONGEST_EPISODE_DAYS + " days");
            }
        }
        if (!DEGREES.contains(fields[3].strip())) {
            problems.add("degree must be 25, 50, 75 or 100");
        }
        if (!SEXES.contains(fields[4].strip())) {
            problems.add("sex must be F or M");
        }
        if (!AGE_BANDS.contains(fields[5].strip())) {
            problems.add("age_band must be one of 16-24, 25-34, 35-44, 45-54, 55-64, 65+");
        }
        var region = fields[6].strip();
        if (!Region.isCode(region)) {
            problems.add("region must be a county code of Statistics Sweden (01, 03 … 25)");
        }
        return problems.isEmpty()
                ? new Parsed(new EpisodeLine(code, start, (int) length, region), List.of())
                : Parsed.invalid(problems);
    }

    private static LocalDate date(String value, String field, List<String> problems) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field + " is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    /** The line as a row of the COPY into the episodes of an upload: code, month of the start, length, region. */
    String copyRow() {
        return icd10Code + '\t' + start.withDayOfMonth(1) + '\t' + lengthDays + '\t' + region + '\n';
    }

    record Parsed(EpisodeLine episode, List<String> problems) {
        static Parsed invalid(List<String> problems) {
            return new Parsed(null, problems);
        }
    }
}
