package nl.lpz.reporting.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.reporting.compliance.ComplianceModels.Activation;
import nl.lpz.reporting.compliance.ComplianceModels.Compliance;
import nl.lpz.reporting.compliance.ComplianceModels.Hospital;
import nl.lpz.reporting.compliance.ComplianceModels.Kpi;
import nl.lpz.reporting.compliance.ComplianceModels.Module;
import nl.lpz.reporting.compliance.ComplianceModels.Region;
import nl.lpz.reporting.compliance.ComplianceModels.Status;
import nl.lpz.reporting.compliance.ComplianceModels.Totals;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Delivery compliance per module and ROAZ region (seed 002), computed from the read model at query time. Which
 * hospital organisations exist: those with a registered location. Delivery definitions are documented in
 * docs/services/reporting-service.md; the window is {@code lpz.reporting.compliance.window.<MODULE>}, else
 * {@code lpz.reporting.compliance.window}, else 24 h.
 */
@Component
class ComplianceService {
    public static final String UNKNOWN_REGION = "UNKNOWN_REGION";
    public static final String ALREADY_ACTIVE = "ALREADY_ACTIVE";
    public static final Duration DEFAULT_ACTIVATION_PERIOD = Duration.ofDays(3);

    private static final Map<Module, String> DEFINITIONS = Map.of(
            Module.KLINIEK, "a bed report (BedStatusChanged/BedRemoved) of the organisation with occurredAt in the "
                    + "window",
            Module.COVID, "a bed report of the organisation in the window with the Covidcapaciteit label set or a "
                    + "patientCovidStatus reported; while the module is activated by VWS the window runs from the "
                    + "activation",
            Module.SPOED, "hospitals with an emergency department (a location offering SEH) whose connection is "
                    + "live: a stop event of its locations or a bed report of the organisation in the window");

    private final JdbcTemplate jdbc;
    private final Environment env;
    private final Clock clock;

    ComplianceService(JdbcTemplate jdbc, Environment env, Clock clock) {
        this.jdbc = jdbc;
        this.env = env;
        this.clock = clock;
    }

    public Duration window(Module module) {
        String text = env.getProperty("lpz.reporting.compliance.window." + module.name(),
                env.getProperty("lpz.reporting.compliance.window", "PT24H"));
        return Duration.parse(text);
    }

    public boolean regionExists(String roazRegionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from location where roaz_region_id = ?)", Boolean.class, roazRegionId));
    }

    // ------------------------------------------------------------------------------------------- activation

    public Activation activate(Module module, Instant deadline, String subject) {
        if (module != Module.COVID) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "only the COVID module can be activated");
        }
        Instant now = clock.instant();
        Instant due = deadline != null ? deadline : now.plus(DEFAULT_ACTIVATION_PERIOD);
        if (!due.isAfter(now)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "deadline: must lie in the future");
        }
        try {
            jdbc.update("""
                            insert into compliance_activation (module, activated_at, activated_by_subject, deadline)
                            values (?, ?, ?, ?)""",
                    module.name(), Sql.ts(now), subject, Sql.ts(due));
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, ALREADY_ACTIVE,
                    "the " + module + " module is already activated; deactivate it first");
        }
        return active(module).orElseThrow();
    }

    public Activation deactivate(Module module, String subject) {
        Activation a = active(module).orElseThrow(() -> ApiException.notFound("active activation of " + module));
        jdbc.update("""
                        update compliance_activation set deactivated_at = ?, deactivated_by_subject = ?
                        where id = ? and deactivated_at is null""",
                Sql.ts(clock.instant()), subject, a.id());
        return byId(a.id());
    }

    public Optional<Activation> active(Module module) {
        return jdbc.query("select * from compliance_activation where module = ? and deactivated_at is null",
                (rs, i) -> activation(rs), module.name()).stream().findFirst();
    }

    private Activation byId(long id) {
        return jdbc.queryForObject("select * from compliance_activation where id = ?", (rs, i) -> activation(rs), id);
    }

    private static Activation activation(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant deactivated = Sql.instant(rs, "deactivated_at");
        return new Activation(rs.getLong("id"), rs.getString("module"), Sql.instant(rs, "activated_at"),
                rs.getString("activated_by_subject"), Sql.instant(rs, "deadline"), deactivated,
                rs.getString("deactivated_by_subject"), deactivated == null);
    }

    // ------------------------------------------------------------------------------------------- compliance

    /**
     * @param roazRegionId only this region; null: all
     * @param asOf         the end of the window; null: now
     */
    public Compliance compliance(Module module, String roazRegionId, Instant asOf) {
        Instant end = asOf != null ? asOf : clock.instant();
        Duration window = window(module);
        Activation activation = module == Module.COVID ? active(module).orElse(null) : null;
        Instant start = activation != null ? activation.activatedAt() : end.minus(window);

        Map<String, Set<String>> organisationsByRegion = new TreeMap<>();
        // SPOED concerns hospitals with an emergency department only; the other modules every hospital
        String sehOnly = module == Module.SPOED ? " and ',' || care_offered || ',' like '%,SEH,%'" : "";
        jdbc.query("""
                select distinct roaz_region_id, organisation_id from location
                where (?::text is null or roaz_region_id = ?)""" + sehOnly, rs -> {
            organisationsByRegion.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        }, roazRegionId, roazRegionId);

        Map<String, Instant> lastDelivery = new HashMap<>();
        String sql;
        switch (module) {
            case KLINIEK:
                sql = """
                        select organisation_id, max(occurred_at) as last from bed_history
                        where occurred_at > ? and occurred_at <= ? group by organisation_id""";
                break;
            case COVID:
                sql = """
                        select organisation_id, max(occurred_at) as last from bed_history
                        where occurred_at >= ? and occurred_at <= ?
                          and (covid is true or patient_covid_status is not null)
                        group by organisation_id""";
                break;
            default:
                // stops are event-driven (silence means "open"), so an ED's freshness is its hospital's connection:
                // a stop event of its locations or any bed report of the organisation in the window
                sql = """
                        select organisation_id, max(last) as last from (
                            select l.organisation_id, e.occurred_at as last
                            from stop_event e join location l on l.location_id = e.location_id
                            where e.occurred_at > ? and e.occurred_at <= ?
                            union all
                            select organisation_id, occurred_at from bed_history
                            where occurred_at > ? and occurred_at <= ?) d
                        group by organisation_id""";
                break;
        }
        Object[] bounds = module == Module.SPOED
                ? new Object[] {Sql.ts(start), Sql.ts(end), Sql.ts(start), Sql.ts(end)}
                : new Object[] {Sql.ts(start), Sql.ts(end)};
        jdbc.query(sql, rs -> {
            lastDelivery.put(rs.getString(1), Sql.instant(rs, "last"));
        }, bounds);

        List<Region> regions = new ArrayList<>();
        int orgs = 0;
        int delivering = 0;
        int late = 0;
        for (Map.Entry<String, Set<String>> r : organisationsByRegion.entrySet()) {
            List<Hospital> hospitals = new ArrayList<>();
            int d = 0;
            int l = 0;
            for (String org : r.getValue()) {
                Instant last = lastDelivery.get(org);
                boolean delivered = last != null;
                Status status;
                if (delivered) {
                    status = Status.DELIVERED;
                    d++;
                } else if (activation == null) {
                    status = Status.NOT_DELIVERED;
                } else if (end.isAfter(activation.deadline())) {
                    status = Status.LATE;
                    l++;
                } else {
                    status = Status.PENDING;
                }
                hospitals.add(new Hospital(org, delivered, last, status));
            }
            regions.add(new Region(r.getKey(), hospitals.size(), d, percentage(d, hospitals.size()), l, hospitals));
            orgs += hospitals.size();
            delivering += d;
            late += l;
        }
        double pct = percentage(delivering, orgs);
        return new Compliance(module.name(), end, window, start, DEFINITIONS.get(module),
                new Kpi(module.kpiDate, module.targetPercentage, module.kpiSource,
                        orgs > 0 && pct >= module.targetPercentage),
                activation, new Totals(orgs, delivering, pct, late), regions);
    }

    static double percentage(int part, int whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
