package nl.lpz.capacity.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.lpz.events.EventJson;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.Threshold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lookups on the location directory ({@code location_directory}, {@code organisation_visibility}), kept by
 * {@link LocationDirectoryProjection} in the same transaction as the events, so no lookup needs an aggregate load.
 */
@Component
public class LocationDirectory {
    static final ObjectMapper JSON = EventJson.mapper();
    private static final String COLUMNS = "location_id, organisation_id, name, roaz_region_id, safety_region_id, "
            + "care_offered, location_type, latitude, longitude, thresholds, contacts, opening_hours, care_profile, "
            + "registered_at, updated_at";

    private final JdbcTemplate jdbc;

    LocationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocationView> find(String locationId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM location_directory WHERE location_id = ?", this::view,
                locationId).stream().findFirst();
    }

    public List<LocationView> findBySafetyRegion(String safetyRegionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM location_directory WHERE safety_region_id = ? "
                + "ORDER BY location_id", this::view, safetyRegionId);
    }

    public List<LocationView> findByRoazRegion(String roazRegionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM location_directory WHERE roaz_region_id = ? "
                + "ORDER BY location_id", this::view, roazRegionId);
    }

    /** Owning organisation of each known location among these; unknown ones are absent from the answer. */
    public Map<String, String> owners(Collection<String> locationIds) {
        return column(locationIds, "organisation_id");
    }

    /** ROAZ region of each known location among these; unknown ones are absent from the answer. */
    public Map<String, String> roazRegions(Collection<String> locationIds) {
        return column(locationIds, "roaz_region_id");
    }

    /** One text column per known location among these (a column name of this class, never a caller's text). */
    private Map<String, String> column(Collection<String> locationIds, String column) {
        Map<String, String> values = new HashMap<>();
        if (locationIds.isEmpty()) {
            return values;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(
                    "SELECT location_id, " + column + " FROM location_directory WHERE location_id = ANY (?)");
            ps.setArray(1, con.createArrayOf("varchar", locationIds.toArray()));
            return ps;
        }, rs -> {
            values.put(rs.getString(1), rs.getString(2));
        });
        return values;
    }

    /** The care each known location among these offers; unknown ones are absent from the answer. */
    public Map<String, Set<CareKind>> careOffered(Collection<String> locationIds) {
        Map<String, Set<CareKind>> care = new HashMap<>();
        if (locationIds.isEmpty()) {
            return care;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement(
                    "SELECT location_id, care_offered FROM location_directory WHERE location_id = ANY (?)");
            ps.setArray(1, con.createArrayOf("varchar", locationIds.toArray()));
            return ps;
        }, rs -> {
            care.put(rs.getString(1), careKinds(rs.getString(2)));
        });
        return care;
    }

    /** The ROAZ regions where the organisation has a registered location. */
    public Set<String> roazRegionsOf(String organisationId) {
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT roaz_region_id FROM location_directory "
                + "WHERE organisation_id = ?", String.class, organisationId));
    }

    public boolean hasLocations(String organisationId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM location_directory WHERE organisation_id = ?)", Boolean.class,
                organisationId));
    }

    public Set<String> allLocationIds() {
        return Set.copyOf(jdbc.queryForList("SELECT location_id FROM location_directory", String.class));
    }

    /**
     * The sites of a kind of care now: locations offering it with a position, by id (the acute-care map's emergency
     * departments or acute obstetric units; a location without coordinates cannot be placed and is left out).
     */
    public List<SehSite> sites(CareKind care) {
        return jdbc.query("SELECT location_id, name, latitude, longitude FROM location_directory "
                        + "WHERE ',' || care_offered || ',' LIKE ? AND latitude IS NOT NULL "
                        + "AND longitude IS NOT NULL ORDER BY location_id",
                (rs, n) -> new SehSite(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)),
                "%," + care.name() + ",%");
    }

    /** Locations whose care profile was never set. */
    public Set<String> locationsWithoutCareProfile() {
        return Set.copyOf(jdbc.queryForList("SELECT location_id FROM location_directory WHERE care_profile IS NULL",
                String.class));
    }

    /** Organisations that have had a visibility decision (VisibilityChanged). */
    public Set<String> organisationsWithVisibility() {
        return Set.copyOf(jdbc.queryForList("SELECT organisation_id FROM organisation_visibility", String.class));
    }

    public Optional<Boolean> isShared(String organisationId) {
        return jdbc.queryForList("SELECT shared FROM organisation_visibility WHERE organisation_id = ?",
                Boolean.class, organisationId).stream().findFirst();
    }

    private LocationView view(ResultSet rs, int row) throws SQLException {
        try {
            Set<CareKind> kinds = careKinds(rs.getString("care_offered"));
            List<Threshold> thresholds = JSON.readValue(rs.getString("thresholds"), new TypeReference<>() {
            });
            LocationView.Contacts contacts = JSON.readValue(rs.getString("contacts"), LocationView.Contacts.class);
            Map<CareKind, List<LocationView.Period>> openingHours = new EnumMap<>(CareKind.class);
            openingHours.putAll(JSON.readValue(rs.getString("opening_hours"), new TypeReference<
                    Map<CareKind, List<LocationView.Period>>>() {
            }));
            String profile = rs.getString("care_profile");
            CareProfile careProfile = profile == null ? null : JSON.readValue(profile, CareProfile.class);
            return new LocationView(rs.getString("location_id"), rs.getString("organisation_id"), rs.getString("name"),
                    rs.getString("roaz_region_id"), rs.getString("safety_region_id"), List.copyOf(kinds),
                    rs.getString("location_type"), (Double) rs.getObject("latitude"),
                    (Double) rs.getObject("longitude"), thresholds, contacts, openingHours,
                    careProfile, rs.getTimestamp("registered_at").toInstant(),
                    rs.getTimestamp("updated_at").toInstant());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable directory row " + rs.getString("location_id"), e);
        }
    }

    private static Set<CareKind> careKinds(String column) {
        Set<CareKind> kinds = EnumSet.noneOf(CareKind.class);
        if (!column.isBlank()) {
            Arrays.stream(column.split(",")).map(CareKind::valueOf).forEach(kinds::add);
        }
        return kinds;
    }

    static String careColumn(Collection<CareKind> kinds) {
        return EnumSet.copyOf(kinds.isEmpty() ? EnumSet.noneOf(CareKind.class) : kinds).stream()
                .map(Enum::name).collect(Collectors.joining(","));
    }
}
