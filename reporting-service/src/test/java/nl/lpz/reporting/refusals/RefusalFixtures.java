package nl.lpz.reporting.refusals;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.reporting.Fixtures;

/** Birth-care events as capacity-service publishes them. */
final class RefusalFixtures {
    private RefusalFixtures() {
    }

    /** A hospital location with acute obstetric care (VERLOSKUNDE) besides its ED. */
    static LocationRegistered obstetric(String locationId, String organisationId, String roaz) {
        return new LocationRegistered(LocationId.of(locationId), OrganisationId.of(organisationId),
                "Ziekenhuis " + locationId, RoazRegionId.of(roaz), SafetyRegionId.of("VR13"),
                Set.of(CareKind.SEH, CareKind.VERLOSKUNDE), "Algemeen ziekenhuis", null, null,
                Fixtures.T0.minusSeconds(86_400), Actor.SYSTEM);
    }

    static BirthRefusalRecorded refusal(String practice, String midwifeRegion, String refused, Instant at,
                                        RefusalReason reason, String takenBy) {
        return new BirthRefusalRecorded(OrganisationId.of(practice), RoazRegionId.of(midwifeRegion),
                LocationId.of(refused), at, reason, takenBy == null ? null : LocationId.of(takenBy),
                at.plusSeconds(3600), UUID.randomUUID());
    }
}
