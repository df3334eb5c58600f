package nl.lpz.reporting.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lpz.events.EventJson;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.modules.LocalizedName;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.reporting.profile.LocationProfile.Care;
import nl.lpz.reporting.profile.LocationProfile.Change;
import nl.lpz.reporting.profile.LocationProfile.Contacts;
import nl.lpz.reporting.profile.LocationProfile.ModuleDelivery;
import nl.lpz.reporting.readmodel.OpeningHours;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.Visibility;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a location's profile page from the registrations ({@code location}, {@code contacts},
 * {@code opening_hours_history}), its change history ({@code location_change}, {@code visibility_history}) and what
 * it delivers ({@code bed_current}, {@code module_current}), in one snapshot.
 */
@Component
class LocationProfileQuery {
    /** The newest changes shown; older ones are counted as truncated. */
    static final int HISTORY_LIMIT = 100;
    static final LocalizedName KLINIEK = new LocalizedName("Kliniek", "Clinical beds");
    static final LocalizedName COVID = new LocalizedName("Covid", "COVID");

    /** Who reads: whether the location's organisation is the caller's own, and whether the caller is ADMIN. */
    record Reader(String organisation, boolean admin) {
        boolean owns(String organisationId) {
            return admin || organisationId.equals(organisation);
        }
    }

    private record Registration(String locationId, String name, String organisationId, String roazRegionId,
                                String safetyRegionId, String locationType, List<String> offered,
                                CareProfile profile) {
    }

    private record Delivered(int units, Instant lastReportAt) {
    }

    private static final TypeReference<List<LocationProfile.Contact>> CONTACTS = new TypeReference<>() {
    };
    /** Plain maps, lists and values: what the HTTP layer writes as they are. */
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String HISTORY = """
            select at, kind, subject, organisation, details from (
                select changed_at as at, kind, changed_by_subject as subject,
                       changed_by_organisation as organisation, details, id, 0 as source
                from location_change where location_id = ? and (? or kind <> 'THRESHOLDS')
                union all
                select changed_at, 'VISIBILITY', changed_by_subject, changed_by_organisation,
                       jsonb_build_object('shared', shared, 'releaseHistory', release_history), id, 1
                from visibility_history where organisation_id = ?) h
            order by at desc, source, id desc
            limit ?""";

    private static final String BEDS = """
            select count(*) filter (where staffed) as beds,
                   count(*) filter (where staffed and covid) as covid_beds,
                   max(occurred_at) as last_at,
                   max(occurred_at) filter (where covid or patient_covid_status is not null) as covid_last_at
            from (select occurred_at, coalesce(covid, false) as covid, patient_covid_status,
                         not removed and status in ('AVAILABLE', 'OCCUPIED', 'RESERVED') as staffed
                  from bed_current where location_id = ?) b""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ModuleCatalogue catalogue;
    private final Environment env;
    private final Clock clock;
    private final OpeningHours openingHours;
    private final ObjectMapper json = EventJson.mapper();

    LocationProfileQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ModuleCatalogue catalogue,
                         Environment env, Clock clock, OpeningHours openingHours) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.catalogue = catalogue;
        this.env = env;
        this.clock = clock;
        this.openingHours = openingHours;
    }

    Optional<LocationProfile> profile(String locationId, Reader reader) {
        return readOnly.execute(status -> registration(locationId).map(r -> profile(r, reader)));
    }

    private LocationProfile profile(Registration r, Reader reader) {
        boolean own = reader.owns(r.organisationId());
        boolean shared = Visibility.sharedNow(jdbc.query("""
                        select changed_at, shared, release_history from visibility_history
                        where organisation_id = ? order by changed_at, id""",
                (rs, n) -> new Visibility.Change(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                        rs.getBoolean("release_history")), r.organisationId()));
        List<Change> history = jdbc.query(HISTORY, (rs, n) -> change(rs, own), r.locationId(), own,
                r.organisationId(), HISTORY_LIMIT + 1);
        boolean truncated = history.size() > HISTORY_LIMIT;
        return new LocationProfile(r.locationId(), r.name(), r.organisationId(), r.roazRegionId(),
                r.safetyRegionId(), r.locationType(), shared, reader.organisation() != null
                && reader.organisation().equals(r.organisationId()),
                new Care(r.offered(), r.profile(), r.profile() == null ? null : profileSource(r.locationId()),
                        openingHours(r.locationId())), contacts(r.locationId()),
                modules(r, own || shared), truncated ? history.subList(0, HISTORY_LIMIT) : history, truncated);
    }

    private Optional<Registration> registration(String locationId) {
        return jdbc.query("""
                        select location_id, name, organisation_id, roaz_region_id, safety_region_id, location_type,
                               care_offered, care_profile
                        from location where location_id = ?""",
                (rs, n) -> new Registration(rs.getString("location_id"), rs.getString("name"),
                        rs.getString("organisation_id"), rs.getString("roaz_region_id"),
                        rs.getString("safety_region_id"), rs.getString("location_type"),
                        rs.getString("care_offered").isBlank() ? List.of()
                                : Arrays.asList(rs.getString("care_offered").split(",")),
                        read(rs.getString("care_profile"), CareProfile.class)), locationId).stream().findFirst();
    }

    /** Whether the profile that holds now was set by the reference topology's loader or by a person. */
    private String profileSource(String locationId) {
        List<String> by = jdbc.queryForList("""
                select changed_by_subject from location_change where location_id = ? and kind = 'CARE_PROFILE'
                order by changed_at desc, id desc limit 1""", String.class, locationId);
        return !by.isEmpty() && Actor.REFERENCE_TOPOLOGY.subject().equals(by.get(0)) ? Care.REFERENCE : Care.SET;
    }

    /** The hours that hold now per care kind (the newest setting); a kind set back to around the clock is left out. */
    private Map<String, List<LocationProfile.Period>> openingHours(String locationId) {
        Map<String, List<LocationProfile.Period>> hours = new LinkedHashMap<>();
        openingHours.ofLocation(locationId, clock.instant()).forEach((kind, periods) -> hours.put(kind,
                periods.stream().map(p -> new LocationProfile.Period(p.day().name(), p.opens().toString(),
                        p.closes().toString())).toList()));
        return hours;
    }

    private Contacts contacts(String locationId) {
        return jdbc.query("select regiehouder_seh, beddencoordinator, updated_at from contacts where location_id = ?",
                (rs, n) -> new Contacts(read(rs.getString("regiehouder_seh"), CONTACTS),
                        read(rs.getString("beddencoordinator"), CONTACTS), Sql.instant(rs, "updated_at")),
                locationId).stream().findFirst().orElse(new Contacts(List.of(), List.of(), null));
    }

    /** Kliniek and Covid (the bed path), then every catalogue module hospital locations deliver. */
    private List<ModuleDelivery> modules(Registration r, boolean detail) {
        Instant now = clock.instant();
        boolean hospital = !r.offered().isEmpty();
        List<ModuleDelivery> modules = new ArrayList<>();
        jdbc.query(BEDS, rs -> {
            modules.add(delivery("KLINIEK", KLINIEK, hospital, window("KLINIEK"),
                    new Delivered(rs.getInt("beds"), Sql.instant(rs, "last_at")), detail, now));
            modules.add(delivery("COVID", COVID, hospital, window("COVID"),
                    new Delivered(rs.getInt("covid_beds"), Sql.instant(rs, "covid_last_at")), detail, now));
        }, r.locationId());
        Map<String, Delivered> reported = new HashMap<>();
        jdbc.query("""
                select module_id, count(*) filter (where not removed) as units, max(occurred_at) as last_at
                from module_current where provider_kind = ? and provider_id = ? group by module_id""", rs -> {
            reported.put(rs.getString("module_id"), new Delivered(rs.getInt("units"), Sql.instant(rs, "last_at")));
        }, ProviderKind.HOSPITAL_LOCATION.name(), r.locationId());
        for (ModuleDefinition module : catalogue.currentDefinitions()) {
            if (module.providerKinds().contains(ProviderKind.HOSPITAL_LOCATION)) {
                modules.add(delivery(module.id(), module.name(), module.expectedFrom(r.offered()),
                        module.freshness(), reported.getOrDefault(module.id(), new Delivered(0, null)), detail, now));
            }
        }
        return modules;
    }

    private static ModuleDelivery delivery(String id, LocalizedName name, boolean expected, Duration freshness,
                                           Delivered delivered, boolean detail, Instant now) {
        if (!detail) {
            return new ModuleDelivery(id, name, expected, freshness, null, null, null);
        }
        Instant last = delivered.lastReportAt();
        return new ModuleDelivery(id, name, expected, freshness, delivered.units(), last,
                last != null && last.isAfter(now.minus(freshness)));
    }

    /** The bed modules' freshness is delivery compliance's window (docs/services/reporting-service.md). */
    private Duration window(String module) {
        return Duration.parse(env.getProperty("lpz.reporting.compliance.window." + module,
                env.getProperty("lpz.reporting.compliance.window", "PT24H")));
    }

    private Change change(ResultSet rs, boolean own) throws SQLException {
        return new Change(Sql.instant(rs, "at"), rs.getString("kind"),
                new LocationProfile.By(own ? rs.getString("subject") : null, rs.getString("organisation")),
                read(rs.getString("details"), DETAILS));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the read model", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the read model", e);
        }
    }
}
