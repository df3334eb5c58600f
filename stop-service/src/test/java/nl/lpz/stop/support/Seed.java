package nl.lpz.stop.support;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.stop.query.Topology;

/** Test topology: each test takes a fresh veiligheidsregio so tests sharing one database do not meet. */
public final class Seed {
    private static final AtomicInteger REGIONS = new AtomicInteger();

    private Seed() {
    }

    public static String freshRegion() {
        return "VRT" + ProcessHandle.current().pid() + "-" + REGIONS.incrementAndGet();
    }

    public static LocationRegistered location(String locationId, String organisationId, String roaz, String vr,
                                              Set<CareKind> care) {
        return new LocationRegistered(LocationId.of(locationId), OrganisationId.of(organisationId),
                "Ziekenhuis " + locationId, RoazRegionId.of(roaz), SafetyRegionId.of(vr), care, "Algemeen ziekenhuis",
                null, null, Instant.now(), new Actor("admin", null));
    }

    public static void register(Topology topology, LocationRegistered location) {
        topology.apply(UUID.randomUUID().toString(), location);
    }
}
