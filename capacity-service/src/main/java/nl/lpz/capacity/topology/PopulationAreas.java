package nl.lpz.capacity.topology;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The population of the Netherlands per PC4 area ({@code topology/reference_population.csv}, derived from the
 * reference data by {@code scripts/derive_reference_population.py}: CBS 1 January 2021, each area's veiligheidsregio
 * by its point in the 2023 boundaries and that region's ROAZ region). Read once; immutable.
 */
public final class PopulationAreas {
    static final String RESOURCE = "/topology/reference_population.csv";

    private final List<PopulationArea> areas;
    private final long total;

    private PopulationAreas(List<PopulationArea> areas) {
        this.areas = List.copyOf(areas);
        this.total = areas.stream().mapToLong(PopulationArea::population).sum();
    }

    public static PopulationAreas of(List<PopulationArea> areas) {
        return new PopulationAreas(areas);
    }

    public static PopulationAreas reference() {
        List<PopulationArea> areas = new ArrayList<>();
        try (InputStream in = PopulationAreas.class.getResourceAsStream(RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // pc4,place,municipality,population,lat,lon,safety_region_id,roaz_region_id
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    List<String> f = ReferenceTopologyLoader.splitCsv(line);
                    areas.add(new PopulationArea(f.get(0), f.get(1), f.get(2), Integer.parseInt(f.get(3)),
                            Double.parseDouble(f.get(4)), Double.parseDouble(f.get(5)), f.get(6), f.get(7)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PopulationAreas(areas);
    }

    public List<PopulationArea> all() {
        return areas;
    }

    public long total() {
        return total;
    }
}
