package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.UUID;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import org.axonframework.serialization.Revision;

/**
 * A first-line midwife practice ({@code practiceId}, of ROAZ region {@code midwifeRegionId}) recorded that hospital
 * location {@code refusedLocationId} could not take a woman in labour at {@code occurredAt}, for {@code reason}, and
 * which location took her then ({@code takenByLocationId}, null when unknown or none). It carries no data of the
 * woman, by design: the practice's {@code sourceEventId} is its only key. {@code recordedAt}: when the platform
 * received it. The refused location may lie in another ROAZ region than the practice (midwives near a border refer
 * across it).
 */
@Revision("1")
public record BirthRefusalRecorded(OrganisationId practiceId, RoazRegionId midwifeRegionId,
                                   LocationId refusedLocationId, Instant occurredAt, RefusalReason reason,
                                   LocationId takenByLocationId, Instant recordedAt, UUID sourceEventId)
        implements BirthCareEvent {

    @Override
    public String partitionKey() {
        return refusedLocationId.value();
    }
}
