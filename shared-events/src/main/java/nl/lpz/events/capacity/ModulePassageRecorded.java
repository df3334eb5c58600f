package nl.lpz.events.capacity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/**
 * One patient passage through a unit (an ED visit): the {@code moments} it reached, named as definition
 * {@code definitionVersion} of the module names them (arrival, triage, ...), for the unit's lead times. It carries no
 * identity of the patient, by design: the sender's {@code sourceEventId} is its only key. {@code occurredAt} is its
 * latest moment, the instant by which the sender knew all of it.
 */
@Revision("1")
public record ModulePassageRecorded(String moduleId, int definitionVersion, String providerKind, String providerId,
                                    OrganisationId organisationId, String unitKind, String unitId,
                                    Map<String, Instant> moments, Instant occurredAt, UUID sourceEventId)
        implements ModuleEvent {

    public ModulePassageRecorded {
        // in the sender's (the definition's) order, so the stored JSON reads like the definition
        moments = moments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(moments));
    }
}
