package nl.lpz.events.capacity;

/**
 * Status of one bed as the EPD reports it (seed 000 §5). Reserved counts as occupied; blocked has capacity 0 and
 * is not visible.
 */
public enum BedStatus {
    AVAILABLE, OCCUPIED, RESERVED, BLOCKED;

    /** Whether the bed is staffed capacity (capacity = available + occupied). */
    public boolean countsAsCapacity() {
        return this != BLOCKED;
    }

    /** Whether the bed counts as occupied (a reservation holds the bed). */
    public boolean countsAsOccupied() {
        return this == OCCUPIED || this == RESERVED;
    }
}
