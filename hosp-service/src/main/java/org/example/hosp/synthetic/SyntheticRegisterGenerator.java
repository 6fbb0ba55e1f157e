package org.example.hosp.synthetic;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.example.hosp.identity.IdentityNumber;
import org.example.hosp.register.RegisterRows;

/**
 * Generates a realistic, fully synthetic register from a fixed seed: the same seed always gives the same persons
 * in the same order, and the first n persons do not depend on how many are generated in total. Mix: mostly nurses
 * (SJ) and doctors (LK), then physiotherapists, psychologists, occupational therapists, dentists and the rest;
 * some persons hold two licences, most doctors are specialists, about 1 % have a protected identity, some are
 * deceased, and a few licences carry a revocation, trial period or limited prescribing right. Any likeness of a
 * generated identity number to a real person's is coincidence.
 */
public final class SyntheticRegisterGenerator {

    /** The generated register is as of this date, so that it does not change with the day it is generated. */
    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private static final String[] PROFESSIONS = {
        "SJ", "LK", "FT", "PS", "AT", "TL", "BA", "BM", "HK", "AP", "RC", "SG", "TH", "PT", "RS", "DT", "LG", "OP",
        "AU", "KP", "NA", "OT", "SF"
    };
    /** Relative frequencies (per mille) of {@link #PROFESSIONS}, roughly as in Swedish health care. */
    private static final int[] WEIGHTS = {
        330, 190, 60, 50, 50, 45, 40, 30, 30, 20, 20, 20, 20, 15, 12, 10, 10, 10, 6, 4, 4, 2, 2
    };

    private static final String[] FEMALE_NAMES = {
        "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Emma", "Ingrid", "Malin", "Sofia", "Linda", "Elin",
        "Johanna", "Hanna", "Marie", "Julia", "Ida", "Elsa", "Frida", "Helena", "Camilla", "Annika", "Susanne", "Jenny",
        "Ulrika", "Matilda", "Louise", "Amanda", "Therese"
    };
    private static final String[] MALE_NAMES = {
        "Erik",
        "Lars",
        "Karl",
        "Anders",
        "Johan",
        "Per",
        "Mikael",
        "Nils",
        "Jan",
        "Lennart",
        "Fredrik",
        "Daniel",
        "Peter",
        "Magnus",
        "Oskar",
        "Henrik",
        "Andreas",
        "Jonas",
        "Mattias",
        "Stefan",
        "Gustav",
        "Alexander",
        "Marcus",
        "David",
        "Viktor",
        "Emil",
        "Simon",
        "Martin",
        "Axel",
        "Olof"
    };
    private static final String[] FAMILY_NAMES = {
        "Andersson",
        "Johansson",
        "Karlsson",
        "Nilsson",
        "Eriksson",
        "Larsson",
        "Olsson",
        "Persson",
        "Svensson",
        "Gustafsson",
        "Pettersson",
        "Jonsson",
        "Jansson",
        "Hansson",
        "Bengtsson",
        "Jönsson",
        "Lindberg",
        "Jakobsson",
        "Magnusson",
        "Lindström",
        "Olofsson",
        "Lindqvist",
        "Lindgren",
        "Berg",
        "Axelsson",
        "Bergström",
        "Lundberg",
        "Lind",
        "Lundgren",
        "Lundqvist",
        "Mattsson",
        "Berglund",
        "Fredriksson",
        "Sandberg",
        "Henriksson",
        "Forsberg",
        "Sjöberg",
        "Ali",
        "Wallin",
        "Mohammed",
        "Engström",
        "Eklund",
        "Danielsson",
        "Lundin",
        "Håkansson",
        "Björk",
        "Bergman",
        "Gunnarsson",
        "Holm",
        "Wikström",
        "Samuelsson",
        "Isaksson",
        "Fransson",
        "Bergqvist",
        "Nyström",
        "Holmberg",
        "Arvidsson",
        "Löfgren",
        "Söderberg",
        "Nyberg"
    };
    private static final String[] PLACES = {
        "Stockholm",
        "Göteborg",
        "Malmö",
        "Uppsala",
        "Linköping",
        "Örebro",
        "Västerås",
        "Helsingborg",
        "Norrköping",
        "Jönköping",
        "Umeå",
        "Lund",
        "Borås",
        "Huddinge",
        "Eskilstuna",
        "Nacka",
        "Gävle",
        "Södertälje",
        "Halmstad",
        "Sundsvall",
        "Växjö",
        "Karlstad",
        "Botkyrka",
        "Kristianstad",
        "Luleå",
        "Skellefteå",
        "Kalmar",
        "Falun",
        "Östersund",
        "Trollhättan",
        "Karlskrona",
        "Borlänge",
        "Visby",
        "Kiruna",
        "Sollentuna",
        "Solna",
        "Täby",
        "Haninge",
        "Järfälla",
        "Mölndal"
    };
    private static final String[] SCHOOLS = {
        "Karolinska institutet",
        "Uppsala universitet",
        "Lunds universitet",
        "Göteborgs universitet",
        "Umeå universitet",
        "Linköpings universitet",
        "Örebro universitet",
        "Malmö universitet",
        "Linnéuniversitetet",
        "Högskolan i Jönköping",
        "Mittuniversitetet",
        "Luleå tekniska universitet",
        "Karlstads universitet",
        "Högskolan Dalarna",
        "Sophiahemmet Högskola",
        "Röda Korsets Högskola",
        "Högskolan Väst",
        "Mälardalens universitet",
        "Högskolan i Gävle",
        "Högskolan Kristianstad"
    };
    private static final String[] FOREIGN_COUNTRIES = {
        "NO", "DK", "FI", "DE", "PL", "GR", "RO", "IQ", "IR", "SY", "IN", "LT", "HU", "RS", "ES"
    };
    /** Doctors' speciality codes seen in the register's test data and the Sambi specification. */
    private static final String[][] DOCTOR_SPECIALITIES = {
        {"1099", "Internmedicin"},
        {"32", "Klinisk fysiologi"},
        {"74", "Nukleärmedicin"},
        {"3299", "Klinisk fysiologi"},
        {"30014", "Barn- och ungdomshematologi och onkologi"}
    };
    /** Swedish dental specialities; the codes are synthetic (no code list was available). */
    private static final String[][] DENTIST_SPECIALITIES = {
        {"TS01", "Ortodonti"},
        {"TS02", "Pedodonti"},
        {"TS03", "Parodontologi"},
        {"TS04", "Endodonti"},
        {"TS05", "Oral protetik"},
        {"TS06", "Käkkirurgi"},
        {"TS07", "Orofacial medicin"},
        {"TS08", "Odontologisk radiologi"}
    };

    private final SplittableRandom random;
    private final Set<Long> usedNumbers = new HashSet<>();
    private final Set<Integer> usedPrescriberCodes = new HashSet<>();
    private final int totalWeight;

    public SyntheticRegisterGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        DemoPersons.IDENTITY_NUMBERS.forEach(number -> usedNumbers.add(Long.parseLong(number)));
        DemoPersons.PRESCRIBER_CODES.forEach(code -> usedPrescriberCodes.add(Integer.parseInt(code)));
        int sum = 0;
        for (int weight : WEIGHTS) {
            sum += weight;
        }
        this.totalWeight = sum;
    }

    /** Generates {@code persons} persons in chunks of {@code chunkSize}, handing each chunk's rows to the sink. */
    public void generate(int persons, int chunkSize, long firstLicenceId, Consumer<RegisterRows> sink) {
        var rows = new RegisterRows(firstLicenceId);
        for (int i = 0; i < persons; i++) {
            person(rows);
            if (rows.personCount() == chunkSize) {
                sink.accept(rows);
                rows = new RegisterRows(rows.nextLicenceId());
            }
        }
        if (rows.personCount() > 0) {
            sink.accept(rows);
        }
    }

    /** The next person's identity number and the rest of the person; public for the benchmark's number list. */
    public String nextIdentityNumber(RegisterRows rows) {
        return person(rows);
    }

    private String person(RegisterRows rows) {
        var profession = profession();
        boolean male = random.nextInt(100) < (profession.equals("LK") || profession.equals("TL") ? 50 : 25);
        int minAge = profession.equals("LK") || profession.equals("PS") ? 27 : 23;
        var birthDate = AS_OF.minusYears(minAge).minusDays(random.nextInt(365 * (68 - minAge)));
        boolean samordningsnummer = random.nextInt(100) < 2;
        var identityNumber = identityNumber(birthDate, male, samordningsnummer);
        var licensedOn = birthDate.plusYears(minAge - 1).plusDays(random.nextInt(365 * 6));
        if (licensedOn.isAfter(AS_OF)) {
            licensedOn = AS_OF.minusDays(random.nextInt(200));
        }
        boolean deceased =
                birthDate.isBefore(LocalDate.of(1962, 1, 1)) ? random.nextInt(100) < 3 : random.nextInt(1000) < 2;
        boolean protectedIdentity = random.nextInt(100) == 0;
        var second = secondProfession(profession);
        var prescribing = prescribingScope(profession, second);
        var prescriberCode = prescribing == null ? null : prescriberCode();
        var given = male
                ? MALE_NAMES[random.nextInt(MALE_NAMES.length)]
                : FEMALE_NAMES[random.nextInt(FEMALE_NAMES.length)];
        var family = FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
        rows.person(
                identityNumber,
                birthDate,
                given,
                family,
                male,
                PLACES[random.nextInt(PLACES.length)],
                protectedIdentity,
                deceased,
                prescriberCode,
                prescribing,
                licensedOn);
        long licenceId = licence(rows, identityNumber, profession, licensedOn, samordningsnummer);
        specialities(rows, profession, licenceId, licensedOn);
        restrictions(rows, licenceId, licensedOn, prescriberCode != null);
        if (second != null) {
            var secondOn = licensedOn.plusDays(400 + random.nextInt(2000));
            if (!secondOn.isAfter(AS_OF)) {
                licence(rows, identityNumber, second, secondOn, samordningsnummer);
            }
        }
        return identityNumber;
    }

    private String profession() {
        int pick = random.nextInt(totalWeight);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return PROFESSIONS[i];
            }
        }
        return PROFESSIONS[0];
    }

    private String secondProfession(String profession) {
        int roll = random.nextInt(100);
        return switch (profession) {
            case "SJ" -> roll < 6 ? "BM" : roll < 8 ? "RS" : null;
            case "PS" -> roll < 25 ? "PT" : null;
            case "SG" -> roll < 30 ? "FT" : null;
            case "AP" -> roll < 3 ? "RC" : null;
            default -> null;
        };
    }

    private String prescribingScope(String profession, String second) {
        if (profession.equals("LK")) {
            return "FULL";
        }
        if (profession.equals("TL")) {
            return "DENTAL_CARE";
        }
        if ("BM".equals(second) || profession.equals("BM")) {
            return "CONTRACEPTIVES";
        }
        if (profession.equals("SJ") && random.nextInt(100) < 12) {
            return "NURSE_FORMULARY";
        }
        if (profession.equals("TH") && random.nextInt(100) < 50) {
            return "DENTAL_HYGIENE";
        }
        return null;
    }

    private String identityNumber(LocalDate birthDate, boolean male, boolean samordningsnummer) {
        while (true) {
            int serial = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
            var number = IdentityNumber.of(birthDate, serial, samordningsnummer).value();
            if (usedNumbers.add(Long.parseLong(number))) {
                return number;
            }
        }
    }

    private String prescriberCode() {
        while (true) {
            int code = 1_000_000 + random.nextInt(9_000_000);
            if (usedPrescriberCodes.add(code)) {
                return Integer.toString(code);
            }
        }
    }

    private long licence(
            RegisterRows rows, String identityNumber, String profession, LocalDate licensedOn, boolean foreign) {
        long id = rows.licence(identityNumber, profession, licensedOn);
        boolean abroad = foreign || random.nextInt(100) < 8;
        rows.education(
                identityNumber,
                profession,
                abroad ? "Utländsk utbildning" : SCHOOLS[random.nextInt(SCHOOLS.length)],
                abroad ? FOREIGN_COUNTRIES[random.nextInt(FOREIGN_COUNTRIES.length)] : "SE",
                licensedOn.minusDays(10 + random.nextInt(120)));
        return id;
    }

    private void specialities(RegisterRows rows, String profession, long licenceId, LocalDate licensedOn) {
        String[][] specialities;
        int percent;
        if (profession.equals("LK")) {
            specialities = DOCTOR_SPECIALITIES;
            percent = 65;
        } else if (profession.equals("TL")) {
            specialities = DENTIST_SPECIALITIES;
            percent = 10;
        } else {
            return;
        }
        var certifiedOn = licensedOn.plusYears(5).plusDays(random.nextInt(1000));
        if (random.nextInt(100) >= percent || certifiedOn.isAfter(AS_OF)) {
            return;
        }
        int first = random.nextInt(specialities.length);
        rows.specialistCertificate(licenceId, specialities[first][0], specialities[first][1], certifiedOn);
        var secondOn = certifiedOn.plusYears(2).plusDays(random.nextInt(700));
        if (random.nextInt(100) < 10 && !secondOn.isAfter(AS_OF)) {
            int second = (first + 1 + random.nextInt(specialities.length - 1)) % specialities.length;
            rows.specialistCertificate(licenceId, specialities[second][0], specialities[second][1], secondOn);
        }
    }

    private void restrictions(RegisterRows rows, long licenceId, LocalDate licensedOn, boolean prescriber) {
        int roll = random.nextInt(1000);
        var from = licensedOn.plusDays(random.nextInt(3000));
        if (from.isAfter(AS_OF)) {
            return;
        }
        if (roll < 4) {
            rows.restriction(licenceId, "001", from, null, null);
        } else if (roll < 7) {
            rows.restriction(licenceId, "002", from, from.plusYears(3).minusDays(1), null);
        } else if (roll < 11 && prescriber) {
            rows.restriction(licenceId, "003", from, null, null);
        }
    }

    /** Prints the first n generated identity numbers (for the benchmark's random lookups). */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20060196L;
        var generator = new SyntheticRegisterGenerator(seed);
        var rows = new RegisterRows(1);
        var out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(generator.nextIdentityNumber(rows)).append('\n');
            if (i % 10000 == 9999) {
                System.out.print(out);
                out.setLength(0);
                rows = new RegisterRows(1);
            }
        }
        System.out.print(out);
    }
}
