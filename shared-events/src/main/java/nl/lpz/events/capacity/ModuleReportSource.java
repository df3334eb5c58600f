package nl.lpz.events.capacity;

/** Where a unit's figures came from: a single report (batch push) or a full snapshot of the provider's units. */
public enum ModuleReportSource {
    EVENT, SNAPSHOT
}
