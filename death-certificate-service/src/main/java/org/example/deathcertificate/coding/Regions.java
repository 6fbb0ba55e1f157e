package org.example.deathcertificate.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Sweden's municipalities and their regions (classpath coding/municipalities.csv). */
@Component
public class Regions {

    private final Map<String, String> regionByMunicipality = new HashMap<>();
    private final Map<String, List<String>> municipalitiesByRegion = new TreeMap<>();

    Regions() throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("coding/municipalities.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                var parts = line.split(";");
                regionByMunicipality.put(key(parts[0]), parts[1]);
                municipalitiesByRegion
                        .computeIfAbsent(parts[1], r -> new ArrayList<>())
                        .add(key(parts[0]));
            }
        }
    }

    /** The region of a municipality as written on a certificate ("Lund" and "Lund kommun" alike). */
    public Optional<String> regionOf(String municipality) {
        return Optional.ofNullable(municipality).map(m -> regionByMunicipality.get(key(m)));
    }

    /** The municipalities of a region, lower case; empty for an unknown region. */
    public List<String> municipalitiesOf(String region) {
        return municipalitiesByRegion.getOrDefault(region, List.of());
    }

    public List<String> names() {
        return List.copyOf(municipalitiesByRegion.keySet());
    }

    /** How a municipality is compared: lower case, without a trailing " kommun". */
    static String key(String municipality) {
        var lower = municipality.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(" kommun")
                ? lower.substring(0, lower.length() - " kommun".length()).strip()
                : lower;
    }
}
