package nl.lpz.events.capacity;

/** The "snijdend/beschouwend" label: surgical or non-surgical. */
public enum SnijdendBeschouwend {
    SNIJDEND, BESCHOUWEND
}
