package nl.lpz.reporting.modules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.lpz.modules.DeliveryKpi;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ProviderKind;
import nl.lpz.reporting.modules.ModuleCompliance.Provider;
import nl.lpz.reporting.modules.ModuleCompliance.Region;
import nl.lpz.reporting.modules.ModuleCompliance.Share;
import nl.lpz.reporting.readmodel.Sql;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery compliance per module of the catalogue, computed from the module read model when asked. Expected: the
 * registered hospital locations, narrowed to those offering one of the module's {@code offering} care kinds when it
 * names any (a module of another provider kind has no register yet, so nobody is expected). Delivering: at least one
 * report of the module (stale back-fills included, removals not) with {@code occurredAt} in the window ending at
 * {@code asOf}. The window is max({@code lpz.reporting.modules.compliance-window}, default 24 h; the module's
 * freshness): compliance asks whether a provider is connected and delivers (seed 002: "levert aan"), not whether its
 * figures of this quarter hour are fresh — that is the regional picture's {@code stale} — and one day is the period
 * the other compliance figures and the RCPS's daily request use; a module fresh for longer than a day is not counted
 * as missing between two of its reports.
 */
@Component
@EnableConfigurationProperties(ModuleProperties.class)
class ModuleComplianceQuery {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final String DEFINITION = "a provider delivers when at least one report of the module "
            + "(ModuleFiguresReported, stale back-fills included) has occurredAt in (windowStart, asOf]; window = "
            + "max(configured window, default PT24H; the module's freshness). Expected: the registered hospital "
            + "locations (offering one of the module's care kinds when the definition names them)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Duration window;

    ModuleComplianceQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                          ModuleProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.clock = clock;
        this.window = properties.complianceWindow();
    }

    private record Location(String locationId, String name, String organisationId, String roazRegionId,
                            Set<String> careOffered) {
    }

    /**
     * @param modules      the modules to report on (current definitions)
     * @param roazRegionId list only this region (null: all); {@code national} is always over every region
     * @param asOf         the end of the windows; null: now
     */
    ModuleCompliance compliance(List<ModuleDefinition> modules, String roazRegionId, Instant asOf) {
        Instant end = asOf != null ? asOf : clock.instant();
        LocalDate day = LocalDate.ofInstant(end, ZONE);
        return readOnly.execute(status -> {
            List<Location> locations = jdbc.query("""
                            select location_id, name, organisation_id, roaz_region_id, care_offered from location
                            order by roaz_region_id, location_id""",
                    (rs, i) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Arrays.stream(rs.getString(5).split(",")).filter(s -> !s.isBlank())
                                    .collect(Collectors.toSet())));
            List<ModuleCompliance.Module> result = new ArrayList<>();
            for (ModuleDefinition module : modules) {
                result.add(module(module, locations, roazRegionId, end, day));
            }
            return new ModuleCompliance(end, day, ZONE.getId(), DEFINITION, result);
        });
    }

    private ModuleCompliance.Module module(ModuleDefinition module, List<Location> locations, String onlyRegion,
                                           Instant end, LocalDate day) {
        Duration moduleWindow = module.freshness().compareTo(window) > 0 ? module.freshness() : window;
        Instant start = end.minus(moduleWindow);
        DeliveryKpi kpi = null;
        for (DeliveryKpi k : module.kpis()) {
            if (!k.from().isAfter(day)) {
                kpi = k;
            }
        }
        Double required = kpi == null ? null : kpi.share();

        Map<String, Instant> lastReport = new HashMap<>();
        jdbc.query("""
                        select provider_id, max(occurred_at) as last from module_history
                        where module_id = ? and provider_kind = ? and not removed
                          and occurred_at > ? and occurred_at <= ?
                        group by provider_id""", rs -> {
                    lastReport.put(rs.getString(1), Sql.instant(rs, "last"));
                }, module.id(), ProviderKind.HOSPITAL_LOCATION.name(), Sql.ts(start), Sql.ts(end));

        boolean registered = module.providerKinds().contains(ProviderKind.HOSPITAL_LOCATION);
        Map<String, List<Provider>> byRegion = new TreeMap<>();
        for (Location l : locations) {
            List<Provider> providers = byRegion.computeIfAbsent(l.roazRegionId(), k -> new ArrayList<>());
            if (registered && module.expectedFrom(l.careOffered())) {
                Instant last = lastReport.get(l.locationId());
                providers.add(new Provider(l.locationId(), l.name(), l.organisationId(), last != null, last));
            }
        }
        List<Region> regions = new ArrayList<>();
        int expected = 0;
        int delivering = 0;
        for (Map.Entry<String, List<Provider>> r : byRegion.entrySet()) {
            int d = (int) r.getValue().stream().filter(Provider::delivering).count();
            int e = r.getValue().size();
            expected += e;
            delivering += d;
            if (onlyRegion == null || onlyRegion.equals(r.getKey())) {
                Share share = share(e, d, required);
                regions.add(new Region(r.getKey(), e, d, share.share(), share.meetsKpi(), r.getValue()));
            }
        }
        return new ModuleCompliance.Module(module.id(), module.name(), module.version(), module.freshness(),
                moduleWindow, start, required, kpi, share(expected, delivering, required), regions);
    }

    private static Share share(int expected, int delivering, Double required) {
        if (expected == 0) {
            return new Share(0, 0, null, null);
        }
        double share = (double) delivering / expected;
        return new Share(expected, delivering, Math.round(share * 10_000) / 10_000.0,
                required == null ? null : share >= required);
    }
}
