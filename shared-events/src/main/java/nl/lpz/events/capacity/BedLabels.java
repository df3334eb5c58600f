package nl.lpz.events.capacity;

import java.util.Objects;

/**
 * The labels of one bed: at most one element of each label (seed 000 §6.1). {@code specialistisch} is mandatory
 * (the most specialised element wins); {@code covid} says whether the bed is set up as COVID capacity, whatever
 * patient lies in it.
 */
public record BedLabels(String specialistisch, String specialisme, SnijdendBeschouwend snijdendBeschouwend,
                        boolean covid) {
    public BedLabels {
        Objects.requireNonNull(specialistisch, "specialistisch is mandatory on every bed");
    }
}
