package nl.lpz.events;

/**
 * Kafka topics of the published language. One topic per producer and stream; records keyed by
 * {@link nl.lpz.events.capacity.CapacityEvent#partitionKey()} (docs/adr/0004-topics-and-keys.md).
 */
public final class Topics {
    /** BedStatusChanged, BedRemoved: high volume, keyed by location id. */
    public static final String CAPACITY_BEDS = "lpz.capacity.beds.v1";
    /**
     * LocationRegistered, ThresholdsSet, ContactsUpdated, OpeningHoursSet, CareProfileSet (keyed by location id),
     * VisibilityChanged (by organisation id).
     */
    public static final String CAPACITY_TOPOLOGY = "lpz.capacity.topology.v1";

    /** Every {@link nl.lpz.events.capacity.ModuleEvent} (figures of a module's units), keyed by provider id. */
    public static final String CAPACITY_MODULES = "lpz.capacity.modules.v1";

    /**
     * Every {@link nl.lpz.events.capacity.BirthCareEvent} (refusals of women in labour recorded by first-line
     * midwives), keyed by the refused location id.
     */
    public static final String CAPACITY_BIRTH_REFUSALS = "lpz.capacity.birth-refusals.v1";

    /** Every {@link nl.lpz.events.stops.StopEvent} of stop-service, keyed by safety region id. */
    public static final String STOPS = "lpz.stops.v1";

    /**
     * Every {@link nl.lpz.events.audit.AuditEntryRecorded} of the gateways, keyed by the caller's subject. Not an event
     * store's outbox: the audit store of reporting-service is the record, this topic only carries entries to it.
     */
    public static final String AUDIT = "lpz.audit.v1";
    /** {@link #AUDIT}'s partitions, as the gateway and reporting-service both declare it (k8s: the same). */
    public static final int AUDIT_PARTITIONS = 3;
    /** {@link #AUDIT}'s retention: it only has to outlast an outage of the audit store (seven days). */
    public static final long AUDIT_RETENTION_MS = 7L * 24 * 3600 * 1000;

    private Topics() {
    }
}
