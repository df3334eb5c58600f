package nl.lpz.events.capacity;

/**
 * Why a hospital could not take a woman in labour, as the referring midwife records it (a category, never free
 * text: nothing about the woman can enter). {@code PRESENTATIESTOP}: the hospital had a presentatiestop (stop kind
 * VERLOSKUNDE) at the time. The names are the published language: append new reasons at the end, never rename one.
 */
public enum RefusalReason {
    NO_DELIVERY_ROOM, NO_STAFF, NO_NEONATAL_CARE, PRESENTATIESTOP, OTHER
}
