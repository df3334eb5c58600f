package nl.lpz.events.stops;

/** Seed 001 §2.1: an unplanned stop (a peak, a failing device) or a planned one, announced beforehand. */
public enum StopType {
    UNPLANNED, PLANNED
}
