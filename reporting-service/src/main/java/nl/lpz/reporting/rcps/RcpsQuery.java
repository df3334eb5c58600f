package nl.lpz.reporting.rcps;

import nl.lpz.reporting.readmodel.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.lpz.reporting.readmodel.BedCounts;
import nl.lpz.reporting.readmodel.MomentFigures;
import nl.lpz.reporting.readmodel.MomentFigures.Location;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.readmodel.Visibility;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RCPS daily report, computed from {@code bed_history} at the region's report moment (by occurredAt) when asked:
 * the latest report per bed at or before the moment ({@link MomentFigures}), the counting rules of the regional
 * picture, visibility as it stood ({@link Visibility}), no thresholds.
 */
@Component
class RcpsQuery {
    private final TransactionTemplate readOnly;
    private final ReportMoments moments;
    private final MomentFigures figures;
    private final Clock clock;

    RcpsQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ReportMoments moments, Clock clock) {
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.moments = moments;
        this.figures = new MomentFigures(jdbc);
        this.clock = clock;
    }

    /** Today in Europe/Amsterdam. */
    LocalDate today() {
        return ReportMoments.today(clock);
    }

    /**
     * @param viewerOrganisation the organisation a HOSPITAL/EPD_SYSTEM caller acts for (sees it even while hidden)
     * @param ownOnly            list only the viewer's own locations (HOSPITAL/EPD_SYSTEM without a wider role)
     * @return empty when no location of the region is known
     */
    Optional<RcpsDaily> rcpsDaily(String roazRegionId, LocalDate date, String viewerOrganisation,
                                         boolean ownOnly) {
        return readOnly.execute(status -> {
            List<Location> locations = figures.locations(roazRegionId);
            if (locations.isEmpty()) {
                return Optional.<RcpsDaily>empty();
            }
            Instant moment = moments.momentOf(roazRegionId, date);
            Map<String, List<Visibility.Change>> visibility = figures.visibility();
            List<Location> shown = new ArrayList<>();
            Map<String, Boolean> sharedOf = new HashMap<>();
            for (Location l : locations) {
                boolean shared = Visibility.sharedAt(visibility.getOrDefault(l.organisationId(), List.of()), moment);
                boolean own = l.organisationId().equals(viewerOrganisation);
                sharedOf.put(l.locationId(), shared);
                if (own || (!ownOnly && shared)) {
                    shown.add(l);
                }
            }
            Map<String, BedCounts.Groups> counts =
                    figures.counts(moment, shown.stream().map(Location::locationId).toList());
            List<RcpsDaily.RcpsLocation> result = new ArrayList<>();
            BedCounts.Groups total = new BedCounts.Groups();
            for (Location l : shown) {
                BedCounts.Groups c = counts.getOrDefault(l.locationId(), new BedCounts.Groups());
                total.add(c);
                result.add(new RcpsDaily.RcpsLocation(l.locationId(), l.name(), l.organisationId(), l.safetyRegionId(),
                        sharedOf.get(l.locationId()), l.organisationId().equals(viewerOrganisation),
                        c.icu.block(), c.clinic.block(), c.picu.block(), c.nicu.block()));
            }
            return Optional.of(new RcpsDaily(roazRegionId, date, moment, ReportMoments.ZONE.getId(), result,
                    total.figures()));
        });
    }

}
