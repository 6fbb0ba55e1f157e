package org.example.fmb.adherence;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sweden's 21 regions, by the county codes of Statistics Sweden (SCB) that the upload format uses. */
enum Region {
    STOCKHOLM("01", "Region Stockholm"),
    UPPSALA("03", "Region Uppsala"),
    SODERMANLAND("04", "Region Sörmland"),
    OSTERGOTLAND("05", "Region Östergötland"),
    JONKOPING("06", "Region Jönköpings län"),
    KRONOBERG("07", "Region Kronoberg"),
    KALMAR("08", "Region Kalmar län"),
    GOTLAND("09", "Region Gotland"),
    BLEKINGE("10", "Region Blekinge"),
    SKANE("12", "Region Skåne"),
    HALLAND("13", "Region Halland"),
    VASTRA_GOTALAND("14", "Västra Götalandsregionen"),
    VARMLAND("17", "Region Värmland"),
    OREBRO("18", "Region Örebro län"),
    VASTMANLAND("19", "Region Västmanland"),
    DALARNA("20", "Region Dalarna"),
    GAVLEBORG("21", "Region Gävleborg"),
    VASTERNORRLAND("22", "Region Västernorrland"),
    JAMTLAND_HARJEDALEN("23", "Region Jämtland Härjedalen"),
    VASTERBOTTEN("24", "Region Västerbotten"),
    NORRBOTTEN("25", "Region Norrbotten");

    private static final Map<String, Region> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));

    private final String code;
    private final String title;

    Region(String code, String title) {
        this.code = code;
        this.title = title;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    /** Every region's name by its code, in the order of the codes. */
    static Map<String, String> titles() {
        var titles = new java.util.LinkedHashMap<String, String>();
        for (var region : values()) {
            titles.put(region.code, region.title);
        }
        return titles;
    }

    static boolean isCode(String code) {
        return BY_CODE.containsKey(code);
    }

    /** The name of a region code; the empty code stands for all regions. */
    static String titleOf(String code) {
        if (code == null || code.isEmpty()) {
            return "Alla regioner";
        }
        var region = BY_CODE.get(code);
        return region == null ? code : region.title;
    }
}
