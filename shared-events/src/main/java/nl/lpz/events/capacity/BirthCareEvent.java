package nl.lpz.events.capacity;

/**
 * Events of birth care that are not a module's figures: what first-line midwives record about the hospitals they
 * refer women in labour to. Published on {@link nl.lpz.events.Topics#CAPACITY_BIRTH_REFUSALS}, keyed by the refused
 * location, so that one hospital's refusals keep their order.
 */
public sealed interface BirthCareEvent extends CapacityEvent permits BirthRefusalRecorded {
}
