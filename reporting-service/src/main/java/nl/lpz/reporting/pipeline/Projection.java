package nl.lpz.reporting.pipeline;

import java.util.List;

/**
 * What a read model adds to the pipeline: which events it projects and how they change its tables. The pipeline
 * ({@link ProjectionPipeline}) hands every projection bean, in {@code @Order}, the events of a consumed batch it
 * accepts (in record order), inside the batch's one transaction; the transaction, the partition positions,
 * de-duplication of redelivered records that reach no table of their own ({@link ProcessedEvents}), parking, metrics
 * and the change log ({@link Batch#changed}) are the pipeline's.
 */
public interface Projection {

    /** Whether this projection applies the event; every event type of the consumed topics belongs to one projection. */
    boolean accepts(Object event);

    /**
     * Applies the batch's events this projection accepts and tells {@code batch} what each did (projected or a
     * duplicate, and the change-log rows).
     */
    void apply(List<DecodedRecord.Event> events, Batch batch);

    /** The tables this projection fills: a rebuild empties them with the partition positions. */
    List<String> tables();
}
