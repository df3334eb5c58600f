package nl.lpz.reporting.capacity;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** Locations whose picture changed in a batch; {@code announced}: tell every subscriber (visibility switch). */
final class ChangedLocations {
    final Set<String> locations = new LinkedHashSet<>();
    final Set<String> announced = new LinkedHashSet<>();

    Set<String> all() {
        Set<String> all = new TreeSet<>(locations);
        all.addAll(announced);
        return all;
    }
}
