package nl.lpz.events.capacity;

/**
 * Every event capacity-service publishes. The Kafka record key is {@link #partitionKey()}, so that all events of one
 * location (or organisation, or module provider) keep their order.
 */
public sealed interface CapacityEvent permits LocationEvent, OrganisationEvent, ModuleEvent,
        BirthCareEvent {
    String partitionKey();
}
