package nl.lpz.reporting.capacity;

import java.util.ArrayList;
import java.util.List;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.LocationEvent;
import nl.lpz.events.capacity.OrganisationEvent;
import nl.lpz.reporting.pipeline.Batch;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.ProcessedEvents;
import nl.lpz.reporting.pipeline.Projection;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The regional capacity read model's part of a batch: first the registrations and settings, then all bed events,
 * then one {@code capacity} change-log row per affected location. Runs before the stop projection, so that a stop's
 * location registered in the same batch is known for its change-log row.
 */
@Component
@Order(1)
class CapacityProjection implements Projection {
    private final TopologyProjector topology;
    private final BedProjector beds;
    private final CapacityChanges changes;

    CapacityProjection(JdbcTemplate jdbc, ProcessedEvents processed) {
        this.topology = new TopologyProjector(jdbc, processed);
        this.beds = new BedProjector(jdbc);
        this.changes = new CapacityChanges(jdbc);
    }

    @Override
    public boolean accepts(Object event) {
        // the module events of the same published language belong to the modules read model
        return event instanceof LocationEvent || event instanceof OrganisationEvent;
    }

    @Override
    public void apply(List<DecodedRecord.Event> events, Batch batch) {
        ChangedLocations changed = new ChangedLocations();
        List<DecodedRecord.Event> topologyEvents = new ArrayList<>();
        List<DecodedRecord.Event> bedEvents = new ArrayList<>();
        for (DecodedRecord.Event e : events) {
            (e.event() instanceof BedStatusChanged || e.event() instanceof BedRemoved ? bedEvents : topologyEvents)
                    .add(e);
        }
        for (DecodedRecord.Event e : topologyEvents) {
            batch.counted(e, topology.apply(e, changed));
        }
        beds.apply(bedEvents, changed, batch);
        if (!changed.all().isEmpty()) {
            batch.changes(() -> changes.rows(changed));
        }
    }

    @Override
    public List<String> tables() {
        return List.of("bed_history", "bed_current", "location", "threshold_history", "visibility_history",
                "contacts", "opening_hours_history", "location_change");
    }
}
