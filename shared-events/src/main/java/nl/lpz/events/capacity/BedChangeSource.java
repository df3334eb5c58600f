package nl.lpz.events.capacity;

/** Where a bed change came from: a single EPD event or a full snapshot resync. */
public enum BedChangeSource {
    EPD_EVENT, SNAPSHOT
}
