package nl.lpz.capacity.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The 25 safety regions (VR01..VR25), their names and the ROAZ region each belongs to (approximate, by the dominant
 * network: {@code topology/roaz_regions_by_safety_region.csv}, copied from the reference data).
 */
@Component
public class ReferenceRegions {

    /** A safety region as the reference table names it. */
    public record SafetyRegion(String safetyRegionId, String name, String roazRegionId) {
    }

    private final Map<String, SafetyRegion> bySafetyRegion;
    private final List<SafetyRegion> safetyRegions;
    private final Set<String> roazRegions;

    public ReferenceRegions() {
        List<SafetyRegion> rows = new ArrayList<>();
        try (InputStream in = ReferenceRegions.class.getResourceAsStream("/topology/roaz_regions_by_safety_region.csv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] f = line.split(",", -1);
                    rows.add(new SafetyRegion(f[0], f[1], f[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.sort(Comparator.comparing(SafetyRegion::safetyRegionId));
        Map<String, SafetyRegion> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.safetyRegionId(), r));
        this.bySafetyRegion = Collections.unmodifiableMap(map);
        this.safetyRegions = List.copyOf(rows);
        this.roazRegions = Collections.unmodifiableSet(new TreeSet<>(
                rows.stream().map(SafetyRegion::roazRegionId).toList()));
    }

    public boolean isSafetyRegion(String id) {
        return bySafetyRegion.containsKey(id);
    }

    public boolean isRoazRegion(String id) {
        return roazRegions.contains(id);
    }

    public Optional<String> roazRegionOf(String safetyRegionId) {
        return Optional.ofNullable(bySafetyRegion.get(safetyRegionId)).map(SafetyRegion::roazRegionId);
    }

    public Set<String> roazRegions() {
        return roazRegions;
    }

    /** Every safety region, sorted by id. */
    public List<SafetyRegion> safetyRegions() {
        return safetyRegions;
    }
}
