package nl.lpz.reporting.modules;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.lpz.events.capacity.WeeklyHours;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.UnitDefinition;
import nl.lpz.modules.UnitStops;
import nl.lpz.reporting.modules.RegionalModule.Availability;
import nl.lpz.reporting.modules.RegionalModule.Unit;
import nl.lpz.reporting.readmodel.ActiveStop;

/**
 * What a unit shows besides its figures, by its unit kind's current definition (ADR 0015): the location's stops of
 * the kinds it names, OPEN or STOP per kind the location offers, and the availability derived from the status figure,
 * the stops and the location's opening hours. Pure: the caller read the stops and hours in its snapshot.
 */
final class UnitAvailability {
    private UnitAvailability() {
    }

    /**
     * The unit with the location's stops of the kinds its unit kind's current definition names, the availability of
     * each such kind the location offers, and the availability the definition derives.
     */
    static Unit withStops(ModuleDefinition current, Unit unit, String locationId, Set<String> careOffered,
                          List<ActiveStop> locationStops, Map<String, Map<String, WeeklyHours>> hours,
                          Instant pictureAt) {
        UnitStops rule = current.unit(unit.unitKind()).map(UnitDefinition::stops).orElse(UnitStops.NONE);
        if (rule.kinds().isEmpty()) {
            return unit;
        }
        List<RegionalModule.UnitStop> stops = stops(locationStops, rule.kinds());
        Map<String, String> care = care(stops, rule.kinds(), careOffered);
        Availability availability = rule.availability().map(a -> availability(a, unit, stops,
                a.hoursOf().map(kind -> hours.getOrDefault(kind, Map.of()).get(locationId)).orElse(null),
                pictureAt)).orElse(null);
        return new Unit(unit.unitKind(), unit.unitId(), unit.definitionVersion(), unit.values(), unit.statuses(),
                unit.levels(), unit.occurredAt(), unit.ageSeconds(), unit.stale(), stops, care, availability);
    }

    /** The location's active stops of these kinds. */
    static List<RegionalModule.UnitStop> stops(List<ActiveStop> locationStops, Collection<String> kinds) {
        return locationStops.stream().filter(s -> kinds.contains(s.kind()))
                .map(s -> new RegionalModule.UnitStop(s.stopId(), s.kind(), s.type(), s.startedAt(), s.expectedEnd(),
                        s.graceUntil(), s.expiresSoon()))
                .toList();
    }

    /** Per kind the location offers or has a stop of: OPEN, or STOP while a stop of it runs. */
    static Map<String, String> care(List<RegionalModule.UnitStop> stops, Collection<String> kinds,
                                    Set<String> careOffered) {
        Map<String, String> care = new LinkedHashMap<>();
        for (String kind : kinds) {
            boolean stopped = stops.stream().anyMatch(s -> s.kind().equals(kind));
            if (stopped || careOffered.contains(kind)) {
                care.put(kind, stopped ? UnitStops.STOP : UnitStops.OPEN);
            }
        }
        return care;
    }

    /**
     * STOP with its end while a stop of its kind runs; else, outside the location's opening hours, CLOSED until it
     * opens; else the reported figure, with the instant it closes when it keeps hours (null when not reported).
     */
    private static Availability availability(UnitStops.Availability rule, Unit unit,
                                             List<RegionalModule.UnitStop> stops, WeeklyHours hours,
                                             Instant pictureAt) {
        Optional<RegionalModule.UnitStop> stop = stops.stream().filter(s -> s.kind().equals(rule.stoppedBy()))
                .max(Comparator.comparing(RegionalModule.UnitStop::expectedEnd));
        if (stop.isPresent()) {
            return new Availability(UnitStops.STOP, stop.get().kind(), stop.get().expectedEnd(), false, null);
        }
        if (hours != null && !hours.openAt(pictureAt)) {
            return new Availability(UnitStops.CLOSED, null, hours.nextChange(pictureAt).orElse(null), true, null);
        }
        if (!unit.statuses().containsKey(rule.figure())) {
            return null;
        }
        return new Availability(unit.statuses().get(rule.figure()), null, null, false,
                hours == null ? null : hours.nextChange(pictureAt).orElse(null));
    }
}
