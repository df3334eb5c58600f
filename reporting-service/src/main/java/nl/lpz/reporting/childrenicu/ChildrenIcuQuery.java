package nl.lpz.reporting.childrenicu;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.codelist.LabelCodeList.ChildrenIcu;
import nl.lpz.reporting.capacity.RegionalCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.LocationCapacity;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import nl.lpz.reporting.childrenicu.ChildrenIcuOverview.Location;
import nl.lpz.reporting.childrenicu.ChildrenIcuOverview.Region;
import nl.lpz.reporting.childrenicu.ChildrenIcuOverview.Totals;
import org.springframework.stereotype.Component;

/**
 * The national NICU/PICU overview, a view of the regional picture: every region's picture through
 * {@link RegionalCapacityQuery#findNational} in one snapshot, limited to the beds of the code list's children's ICU
 * elements, so visibility, thresholds and {@code asOf} are the regional picture's own rules (ADR 0011: a view of the
 * regional picture does not copy its counting).
 */
@Component
class ChildrenIcuQuery {
    private final RegionalCapacityQuery pictures;
    private final ChildrenIcuOverview.Elements elements;
    private final Set<String> counted = new HashSet<>();

    ChildrenIcuQuery(RegionalCapacityQuery pictures) {
        this.pictures = pictures;
        LabelCodeList codeList = LabelCodeList.current();
        this.elements = new ChildrenIcuOverview.Elements(codeList.elementsOf(ChildrenIcu.PICU),
                codeList.elementsOf(ChildrenIcu.NICU));
        counted.addAll(elements.picu());
        counted.addAll(elements.nicu());
    }

    /**
     * @param asOf               the instant of the picture; null for now
     * @param viewerOrganisation the organisation whose hidden figures and raw available the caller may see, else null
     */
    ChildrenIcuOverview overview(Instant asOf, String viewerOrganisation) {
        List<RegionalCapacity> regional = pictures.findNational(asOf, viewerOrganisation, counted);
        Instant at = asOf != null ? asOf : regional.stream().map(RegionalCapacity::asOf).findFirst()
                .orElse(Instant.now());
        List<Region> regions = new ArrayList<>();
        Totals national = Totals.ZERO;
        for (RegionalCapacity picture : regional) {
            List<Location> locations = new ArrayList<>();
            Totals totals = Totals.ZERO;
            for (LocationCapacity l : picture.locations()) {
                if (l.groups().picu().capacity() + l.groups().nicu().capacity() == 0) {
                    continue;
                }
                Location location = new Location(l.locationId(), l.name(), l.organisationId(),
                        picture.roazRegionId(), l.safetyRegionId(), l.shared(), l.own(), l.lastEventAt(),
                        age(at, l.lastEventAt()), l.groups().picu(), l.groups().nicu());
                locations.add(location);
                totals = totals.plus(Totals.of(location));
            }
            regions.add(new Region(picture.roazRegionId(), totals, locations));
            national = national.plus(totals);
        }
        return new ChildrenIcuOverview(at, elements, regions, national);
    }

    private static Long age(Instant at, Instant lastEventAt) {
        return lastEventAt == null ? null : Math.max(0, Duration.between(lastEventAt, at).toSeconds());
    }
}
