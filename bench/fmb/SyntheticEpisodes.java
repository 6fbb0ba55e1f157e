import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic set of anonymised sick-leave episodes in the adherence upload format, for the demo and
 * the benchmark. INVENTED DATA: no episode is a real person's; codes come from FMB's own code list, lengths from a
 * log-normal distribution around a length invented per code, so some episodes run over FMB's maximum and most do not.
 * The same arguments always give the same file (fixed seed).
 *
 *   java bench/fmb/SyntheticEpisodes.java 1000000 bench/fmb/codes.txt | gzip > /tmp/fmb-episodes-1m.csv.gz
 */
public class SyntheticEpisodes {

    private static final String[] REGIONS = {
        "01", "03", "04", "05", "06", "07", "08", "09", "10", "12", "13", "14", "17", "18", "19", "20", "21", "22", "23",
        "24", "25"
    };
    /** Roughly the regions' shares of Sweden's population, in per mille. */
    private static final int[] REGION_WEIGHTS = {
        235, 38, 29, 45, 35, 20, 23, 6, 15, 133, 33, 168, 27, 29, 27, 28, 28, 24, 13, 26, 24
    };
    private static final String[] AGE_BANDS = {"16-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    private static final int[] DEGREES = {100, 100, 100, 75, 50, 50, 25};

    public static void main(String[] args) throws IOException {
        var count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        List<String> codes = Files.readAllLines(Path.of(args.length > 1 ? args[1] : "bench/fmb/codes.txt")).stream()
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
        var random = new SplittableRandom(20261206L);
        var first = LocalDate.of(2024, 1, 1);
        var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        out.write("icd10_code,start,end,degree,sex,age_band,region\n");
        for (long i = 0; i < count; i++) {
            // a few codes are common (the head of the list by a skewed pick), most are rare
            var code = codes.get((int) (codes.size() * Math.pow(random.nextDouble(), 2.5)));
            var typical = 14 + Math.floorMod(code.hashCode() * 31, 150);
            var days = (int) Math.max(1, Math.min(3000, Math.round(typical * Math.exp(0.6 * random.nextGaussian()))));
            var start = first.plusDays(random.nextInt(731));
            out.write(code);
            out.write(',');
            out.write(start.toString());
            out.write(',');
            out.write(start.plusDays(days - 1).toString());
            out.write(',');
            out.write(Integer.toString(DEGREES[random.nextInt(DEGREES.length)]));
            out.write(',');
            out.write(random.nextBoolean() ? 'F' : 'M');
            out.write(',');
            out.write(AGE_BANDS[random.nextInt(AGE_BANDS.length)]);
            out.write(',');
            out.write(region(random.nextInt(1000)));
            out.write('\n');
        }
        out.flush();
    }

    private static String region(int perMille) {
        var sum = 0;
        for (int i = 0; i < REGIONS.length; i++) {
            sum += REGION_WEIGHTS[i];
            if (perMille < sum) {
                return REGIONS[i];
            }
        }
        return REGIONS[REGIONS.length - 1];
    }
}
