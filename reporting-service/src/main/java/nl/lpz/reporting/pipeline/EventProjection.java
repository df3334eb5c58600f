package nl.lpz.reporting.pipeline;

import java.util.List;

/** A {@link Projection} that applies one event at a time. */
public interface EventProjection extends Projection {

    /** Applies one event; false when its event id was seen before (nothing changed). */
    boolean apply(DecodedRecord.Event event, Batch batch);

    @Override
    default void apply(List<DecodedRecord.Event> events, Batch batch) {
        for (DecodedRecord.Event e : events) {
            batch.counted(e, apply(e, batch));
        }
    }
}
