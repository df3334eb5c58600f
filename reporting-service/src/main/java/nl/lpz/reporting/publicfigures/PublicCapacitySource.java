package nl.lpz.reporting.publicfigures;

import nl.lpz.reporting.readmodel.Sql;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.reporting.publicfigures.PublicFigures.Counts;
import nl.lpz.reporting.publicfigures.PublicFigures.LocationFigures;
import nl.lpz.reporting.capacity.RegionalCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.ElementCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.LocationCapacity;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the current picture of every ROAZ region through {@link RegionalCapacityQuery} as an anonymous viewer (so
 * only shared organisations, with thresholds applied to {@code available}) and splits the patient counts into ICU
 * and clinic, all in one read-only snapshot, then applies {@link PublicFigures} with the
 * {@link PublicFiguresProperties#minimumOrganisations()}.
 */
@Component
@EnableConfigurationProperties(PublicFiguresProperties.class)
class PublicCapacitySource {
    private final RegionalCapacityQuery query;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final LabelCodeList codeList = LabelCodeList.current();
    private final int minimumOrganisations;

    PublicCapacitySource(RegionalCapacityQuery query, JdbcTemplate jdbc,
                                PlatformTransactionManager transactionManager,
                                PublicFiguresProperties properties) {
        this.query = query;
        this.jdbc = jdbc;
        this.minimumOrganisations = properties.minimumOrganisations();
        this.snapshot = Sql.snapshotReads(transactionManager);
    }

    public int minimumOrganisations() {
        return minimumOrganisations;
    }

    public PublicCapacity current() {
        return snapshot.execute(status -> load());
    }

    private PublicCapacity load() {
        Instant generatedAt = Instant.now();
        List<String> regions = jdbc.queryForList(
                "select distinct roaz_region_id from location order by roaz_region_id", String.class);
        List<LocationCapacity> shared = new ArrayList<>();
        Map<String, String> regionOf = new HashMap<>();
        for (String region : regions) {
            RegionalCapacity picture = query.find(region, null, null).orElse(null);
            if (picture == null) {
                continue;
            }
            for (LocationCapacity l : picture.locations()) {
                if (l.shared()) {
                    shared.add(l);
                    regionOf.put(l.locationId(), region);
                }
            }
        }
        Map<String, long[]> patients = patientsByKind(shared.stream().map(LocationCapacity::locationId)
                .toArray(String[]::new));
        List<LocationFigures> figures = new ArrayList<>();
        for (LocationCapacity l : shared) {
            long[] p = patients.getOrDefault(l.locationId(), new long[6]);
            long[] icu = new long[3];
            long[] clinic = new long[3];
            for (ElementCapacity e : l.elements()) {
                long[] target = e.icu() ? icu : clinic;
                target[0] += e.capacity();
                target[1] += e.occupied();
                target[2] += e.available();
            }
            figures.add(new LocationFigures(regionOf.get(l.locationId()), l.organisationId(),
                    new Counts(icu[0], icu[1], icu[2], p[0], p[1], p[2]),
                    new Counts(clinic[0], clinic[1], clinic[2], p[3], p[4], p[5])));
        }
        return PublicFigures.build(regions, figures, minimumOrganisations, generatedAt);
    }

    /**
     * Patients per location, split ICU / clinic: {covid, delabelled, nonCovid} of ICU then of clinic. Counts as
     * {@link RegionalCapacityQuery} counts its {@code patients}: occupied (not reserved), not removed beds with a
     * {@code specialistisch} element, by {@code patient_covid_status} (anything else than COVID / COVID_DELABELLED
     * is non-COVID); the query only gives the location total, not the ICU / clinic split needed here.
     */
    private Map<String, long[]> patientsByKind(String[] locationIds) {
        Map<String, long[]> result = new HashMap<>();
        if (locationIds.length == 0) {
            return result;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select location_id, specialistisch, patient_covid_status, count(*) as n from bed_current
                    where location_id = any(?) and not removed and status = 'OCCUPIED'
                      and specialistisch is not null
                    group by location_id, specialistisch, patient_covid_status""");
            ps.setArray(1, con.createArrayOf("text", locationIds));
            return ps;
        }, rs -> {
            long[] p = result.computeIfAbsent(rs.getString("location_id"), k -> new long[6]);
            int base = codeList.isIcu(rs.getString("specialistisch")) ? 0 : 3;
            String status = rs.getString("patient_covid_status");
            int offset = "COVID".equals(status) ? 0 : "COVID_DELABELLED".equals(status) ? 1 : 2;
            p[base + offset] += rs.getLong("n");
        });
        return result;
    }
}
