package nl.lpz.capacity.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The 25 safety regions (VR01..VR25) and the ROAZ region each belongs to (approximate, by the dominant network:
 * {@code topology/roaz_regions_by_safety_region.csv}, copied from the reference data).
 */
@Component
public class ReferenceRegions {
    private final Map<String, String> roazBySafetyRegion;
    private final Set<String> roazRegions;

    public ReferenceRegions() {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = ReferenceRegions.class.getResourceAsStream("/topology/roaz_regions_by_safety_region.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", -1);
                    map.put(f[0], f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.roazBySafetyRegion = Collections.unmodifiableMap(map);
        this.roazRegions = Collections.unmodifiableSet(new TreeSet<>(map.values()));
    }

    public boolean isSafetyRegion(String id) {
        return roazBySafetyRegion.containsKey(id);
    }

    public boolean isRoazRegion(String id) {
        return roazRegions.contains(id);
    }

    public Optional<String> roazRegionOf(String safetyRegionId) {
        return Optional.ofNullable(roazBySafetyRegion.get(safetyRegionId));
    }

    public Set<String> roazRegions() {
        return roazRegions;
    }
}
