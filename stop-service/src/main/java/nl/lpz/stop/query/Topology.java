package nl.lpz.stop.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local copy of the topology (capacity-service owns it; {@code LocationRegistered} on
 * {@code lpz.capacity.topology.v1} carries each registration as it now stands).
 */
@Repository
public class Topology {
    private final JdbcTemplate jdbc;

    public Topology(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TopologyLocation> find(LocationId locationId) {
        return jdbc.query("select * from topology_location where location_id = ?", Topology::map,
                locationId.value()).stream().findFirst();
    }

    /** Whether a location of this ROAZ region is known (the service knows a region only through its locations). */
    public boolean hasRoazRegion(RoazRegionId roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from topology_location where roaz_region_id = ?)", Boolean.class,
                roazRegionId.value()));
    }

    /** The locations of a veiligheidsregio that offer this kind of care. */
    public Set<LocationId> providers(SafetyRegionId safetyRegionId, CareKind kind) {
        return jdbc.query("select * from topology_location where safety_region_id = ?", Topology::map,
                        safetyRegionId.value()).stream()
                .filter(l -> l.careOffered().contains(kind))
                .map(TopologyLocation::locationId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Applies a registration once per event id. Returns the registration it replaced (empty for a new location), or
     * nothing at all when this event id was applied before.
     */
    @Transactional
    public Optional<Optional<TopologyLocation>> apply(String eventId, LocationRegistered e) {
        int fresh = jdbc.update("insert into topology_event_receipt (event_id, received_at) values (?, now()) "
                + "on conflict do nothing", eventId);
        if (fresh == 0) {
            return Optional.empty();
        }
        Optional<TopologyLocation> before = jdbc.query(
                "select * from topology_location where location_id = ? for update", Topology::map,
                e.locationId().value()).stream().findFirst();
        String care = e.careOffered().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        Timestamp registeredAt = Timestamp.from(e.registeredAt() != null ? e.registeredAt() : Instant.now());
        jdbc.update("insert into topology_location (location_id, organisation_id, name, roaz_region_id, "
                        + "safety_region_id, care_offered, registered_at, updated_at) values (?,?,?,?,?,?,?,now()) "
                        + "on conflict (location_id) do update set organisation_id = excluded.organisation_id, "
                        + "name = excluded.name, roaz_region_id = excluded.roaz_region_id, "
                        + "safety_region_id = excluded.safety_region_id, care_offered = excluded.care_offered, "
                        + "registered_at = excluded.registered_at, updated_at = now()",
                e.locationId().value(), e.organisationId().value(), e.name() == null ? "" : e.name(),
                e.roazRegionId().value(), e.safetyRegionId().value(), care, registeredAt);
        return Optional.of(before);
    }

    public List<TopologyLocation> all() {
        return jdbc.query("select * from topology_location order by location_id", Topology::map);
    }

    private static TopologyLocation map(ResultSet rs, int row) throws SQLException {
        String care = rs.getString("care_offered");
        Set<CareKind> kinds = care == null || care.isBlank() ? EnumSet.noneOf(CareKind.class)
                : Arrays.stream(care.split(",")).map(CareKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CareKind.class)));
        return new TopologyLocation(LocationId.of(rs.getString("location_id")),
                OrganisationId.of(rs.getString("organisation_id")), rs.getString("name"),
                RoazRegionId.of(rs.getString("roaz_region_id")), SafetyRegionId.of(rs.getString("safety_region_id")),
                kinds);
    }
}
