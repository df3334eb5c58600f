package nl.lpz.capacity.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.util.Map;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.capacity.VisibilityChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the location directory. A subscribing processor: it runs in the transaction that appends the events, so the
 * directory is never behind the event store (authorisation reads it right after a registration).
 */
@Component
@ProcessingGroup(LocationDirectoryProjection.PROCESSING_GROUP)
class LocationDirectoryProjection {
    static final String PROCESSING_GROUP = "location-directory";

    private final JdbcTemplate jdbc;

    LocationDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LocationRegistered event) {
        Timestamp at = Timestamp.from(event.registeredAt());
        jdbc.update("INSERT INTO location_directory (location_id, organisation_id, name, roaz_region_id, "
                        + "safety_region_id, care_offered, location_type, latitude, longitude, registered_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (location_id) DO UPDATE SET "
                        + "organisation_id = EXCLUDED.organisation_id, name = EXCLUDED.name, "
                        + "roaz_region_id = EXCLUDED.roaz_region_id, safety_region_id = EXCLUDED.safety_region_id, "
                        + "care_offered = EXCLUDED.care_offered, location_type = EXCLUDED.location_type, "
                        + "latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, "
                        + "updated_at = EXCLUDED.updated_at",
                event.locationId().value(), event.organisationId().value(), event.name(),
                event.roazRegionId().value(), event.safetyRegionId().value(),
                LocationDirectory.careColumn(event.careOffered()), event.locationType(), event.latitude(),
                event.longitude(), at, at);
    }

    @EventHandler
    void on(ThresholdsSet event) {
        jdbc.update("UPDATE location_directory SET thresholds = ?::jsonb, updated_at = ? WHERE location_id = ?",
                json(event.thresholds()), Timestamp.from(event.setAt()), event.locationId().value());
    }

    @EventHandler
    void on(OpeningHoursSet event) {
        String kind = event.careKind().name();
        if (event.periods().isEmpty()) {
            jdbc.update("UPDATE location_directory SET opening_hours = opening_hours - ?, updated_at = ? "
                    + "WHERE location_id = ?", kind, Timestamp.from(event.setAt()), event.locationId().value());
        } else {
            jdbc.update("UPDATE location_directory SET opening_hours = opening_hours || jsonb_build_object(?, "
                            + "?::jsonb), updated_at = ? WHERE location_id = ?", kind,
                    json(event.periods().stream().map(LocationView.Period::of).toList()),
                    Timestamp.from(event.setAt()), event.locationId().value());
        }
    }

    @EventHandler
    void on(CareProfileSet event) {
        jdbc.update("UPDATE location_directory SET care_profile = ?::jsonb, updated_at = ? WHERE location_id = ?",
                json(event.profile()), Timestamp.from(event.setAt()), event.locationId().value());
    }

    @EventHandler
    void on(ContactsUpdated event) {
        jdbc.update("UPDATE location_directory SET contacts = ?::jsonb, updated_at = ? WHERE location_id = ?",
                json(Map.of("regiehouderSeh", event.regiehouderSeh(),
                        "beddencoordinator", event.beddencoordinator())),
                Timestamp.from(event.updatedAt()), event.locationId().value());
    }

    @EventHandler
    void on(VisibilityChanged event) {
        jdbc.update("INSERT INTO organisation_visibility (organisation_id, shared, release_history, changed_at) "
                        + "VALUES (?, ?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET shared = EXCLUDED.shared, "
                        + "release_history = EXCLUDED.release_history, changed_at = EXCLUDED.changed_at",
                event.organisationId().value(), event.shared(), event.releaseHistory(),
                Timestamp.from(event.changedAt()));
    }

    private static String json(Object value) {
        try {
            return LocationDirectory.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
