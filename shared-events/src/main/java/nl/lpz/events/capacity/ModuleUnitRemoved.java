package nl.lpz.events.capacity;

import java.time.Instant;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.serialization.Revision;

/** A unit left a provider's module because a full snapshot taken at {@code occurredAt} no longer lists it. */
@Revision("1")
public record ModuleUnitRemoved(String moduleId, int definitionVersion, String providerKind, String providerId,
                                OrganisationId organisationId, String unitKind, String unitId, Instant occurredAt)
        implements ModuleEvent {
}
