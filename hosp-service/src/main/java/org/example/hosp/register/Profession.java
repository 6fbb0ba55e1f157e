package org.example.hosp.register;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The licensed professions (legitimationsyrken) with the register's two-letter codes. */
public enum Profession {
    AP("Apotekare"),
    AT("Arbetsterapeut"),
    AU("Audionom"),
    BM("Barnmorska"),
    BA("Biomedicinsk analytiker"),
    DT("Dietist"),
    FT("Fysioterapeut"),
    HK("Hälso- och sjukvårdskurator"),
    KP("Kiropraktor"),
    LG("Logoped"),
    LK("Läkare"),
    NA("Naprapat"),
    OP("Optiker"),
    OT("Ortopedingenjör"),
    PS("Psykolog"),
    PT("Psykoterapeut"),
    RC("Receptarie"),
    RS("Röntgensjuksköterska"),
    SG("Sjukgymnast"),
    SF("Sjukhusfysiker"),
    SJ("Sjuksköterska"),
    TH("Tandhygienist"),
    TL("Tandläkare");

    private static final Map<String, Profession> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Profession::code, Function.identity()));

    private final String title;

    Profession(String title) {
        this.title = title;
    }

    public String code() {
        return name();
    }

    public String title() {
        return title;
    }

    /** Only doctors and dentists get specialist certificates (bevis om specialistkompetens). */
    public boolean hasSpecialistCertificates() {
        return this == LK || this == TL;
    }

    public static boolean isCode(String code) {
        return code != null && BY_CODE.containsKey(code);
    }

    public static Profession of(String code) {
        var profession = code == null ? null : BY_CODE.get(code);
        if (profession == null) {
            throw new UnknownProfessionException();
        }
        return profession;
    }
}
