package nl.lpz.events.capacity;

/** Beds of one {@code specialistisch} element a location holds back from the shared "available" figure (§6.3). */
public record Threshold(String specialistisch, int beds) {
    public Threshold {
        if (beds < 0) {
            throw new IllegalArgumentException("a threshold holds back zero or more beds");
        }
    }
}
