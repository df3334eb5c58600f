package nl.lpz.reporting.capacity;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.reporting.readmodel.Sql;
import nl.lpz.reporting.readmodel.Visibility;
import nl.lpz.reporting.capacity.RegionalCapacity.Contacts;
import nl.lpz.reporting.capacity.RegionalCapacity.ElementCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.Figures;
import nl.lpz.reporting.capacity.RegionalCapacity.LocationCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.Patients;
import nl.lpz.reporting.capacity.RegionalCapacity.Totals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers the regional capacity picture from the read model: now from {@code bed_current}, at an earlier instant
 * from {@code bed_history} (latest report per bed with occurredAt at or before it), with thresholds and visibility
 * as they stood then. Counting (seed 000 §5): capacity = available + occupied, reserved counts as occupied, blocked
 * and removed beds count nowhere.
 */
@Component
public class RegionalCapacityQuery {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final LabelCodeList codeList = LabelCodeList.current();
    private final Map<String, Integer> displayOrder = new HashMap<>();
    private final LocationSettings settings;

    /**
     * A current picture computed when the region's change log ended at {@code seq}; {@code fullAt} is when the picture
     * it was derived from was last computed whole (every location read), {@code computedAt} when this one was.
     */
    private record Current(long seq, Instant computedAt, Instant fullAt, RegionalCapacity picture) {
    }

    private record Viewer(String roazRegionId, String organisation) {
    }

    private static final int MAX_CURRENT = 1000;

    private final Map<Viewer, Current> current = new ConcurrentHashMap<>();
    private final Map<Viewer, CompletableFuture<Current>> computing = new ConcurrentHashMap<>();
    private final Duration currentMaxAge;
    private final Duration wholeMaxAge;

    /** Current pictures computed, by how: every location read ({@code whole}) or only the changed ones. */
    private final Timer computedWhole;
    private final Timer computedChanged;

    public RegionalCapacityQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, Duration.ofSeconds(5));
    }

    public RegionalCapacityQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                 Duration currentMaxAge) {
        this(jdbc, transactionManager, currentMaxAge, currentMaxAge, new SimpleMeterRegistry());
    }

    /**
     * @param currentMaxAge how long a current picture is answered again while its region's change log shows nothing
     *                      newer ({@code lpz.reporting.capacity.current-max-age}; zero: every read computes it)
     * @param wholeMaxAge   how long current pictures are derived from one computed whole, reading only the locations
     *                      with newer change-log rows ({@code lpz.reporting.capacity.whole-max-age}); the backstop
     *                      for what tells no row, such as a location registered again in another region
     */
    @Autowired
    public RegionalCapacityQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                 @Value("${lpz.reporting.capacity.current-max-age:PT5S}") Duration currentMaxAge,
                                 @Value("${lpz.reporting.capacity.whole-max-age:PT30S}") Duration wholeMaxAge,
                                 ObjectProvider<MeterRegistry> meters) {
        this(jdbc, transactionManager, currentMaxAge, wholeMaxAge, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    private RegionalCapacityQuery(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  Duration currentMaxAge, Duration wholeMaxAge, MeterRegistry meters) {
        this.wholeMaxAge = wholeMaxAge;
        this.computedWhole = computeTimer(meters, "whole");
        this.computedChanged = computeTimer(meters, "changed");
        this.currentMaxAge = currentMaxAge;
        this.jdbc = jdbc;
        this.readOnly = Sql.snapshotReads(transactionManager);
        this.settings = new LocationSettings(jdbc);
        List<String> order = codeList.displayOrder();
        for (int i = 0; i < order.size(); i++) {
            displayOrder.put(order.get(i), i);
        }
    }

    /**
     * @param asOf               the instant of the picture; null for now
     * @param viewerOrganisation the organisation the caller acts for (HOSPITAL/EPD_SYSTEM), else null
     * @return empty when no location of the region is known
     */
    public Optional<RegionalCapacity> find(String roazRegionId, Instant asOf, String viewerOrganisation) {
        if (asOf == null && !currentMaxAge.isZero()) {
            return Optional.ofNullable(current(roazRegionId, viewerOrganisation));
        }
        return readOnly.execute(status -> Optional.ofNullable(load(roazRegionId, asOf, viewerOrganisation, null, null)));
    }

    /**
     * The current picture for a single region's readers: reused as {@link #currentInSnapshot} describes, and computed
     * by one reader at a time: readers arriving while it is being computed take that result instead of computing the
     * same picture beside it. Under ingest a region's change log moves several times a second, so without this every
     * reader computed its own picture; a joining reader's picture is then at most one computation older than its
     * arrival.
     */
    private RegionalCapacity current(String roazRegionId, String viewerOrganisation) {
        Viewer key = new Viewer(roazRegionId, viewerOrganisation);
        Current hit = current.get(key);
        if (hit != null && fresh(hit, latestChange(roazRegionId), Instant.now())) {
            return asOfNow(hit);
        }
        CompletableFuture<Current> mine = new CompletableFuture<>();
        CompletableFuture<Current> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            Current joined;
            try {
                joined = running.join();
            } catch (CompletionException e) {
                // the computing reader's failure (the database unreachable, say) is this reader's too
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return joined == null ? null : asOfNow(joined);
        }
        try {
            Current computed = readOnly.execute(status -> compute(key, hit));
            remember(key, computed);
            mine.complete(computed);
            return computed == null ? null : computed.picture();
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    /**
     * The current picture, computed again only when the region's change log ({@code region_change}) has a row newer
     * than the one it was computed at, or after {@link #currentMaxAge}. Sound because every projection batch that
     * changes a region's picture writes its change-log rows in the same transaction, in commit order (ChangeLog), and
     * because the newest row is read in the same snapshot as the picture: both describe the same commits. Readers of
     * a region then cost one computation per change, not one per read. The age limit is the backstop for what tells
     * no row (a location moved to another region leaves the old one's picture). Runs in the caller's snapshot.
     */
    private RegionalCapacity currentInSnapshot(String roazRegionId, String viewerOrganisation) {
        long seq = latestChange(roazRegionId);
        Viewer key = new Viewer(roazRegionId, viewerOrganisation);
        Current hit = current.get(key);
        if (hit != null && fresh(hit, seq, Instant.now())) {
            return asOfNow(hit);
        }
        Current computed = compute(key, hit);
        remember(key, computed);
        return computed == null ? null : computed.picture();
    }

    /**
     * Computes the current picture in the caller's snapshot. When an earlier one is at hand and its whole computation
     * is younger than {@link #wholeMaxAge}, only the locations with a change-log row after it are read again and the
     * others are taken from it: every change of a location's figures, thresholds, contacts or visibility writes such
     * a row (CapacityChanges), so under ingest a picture costs the locations that changed, not every bed of the
     * region. The whole picture is computed again at that age, the backstop for what tells no row.
     */
    private Current compute(Viewer key, Current previous) {
        Instant started = Instant.now(); // the age counts from the snapshot
        long seq = latestChange(key.roazRegionId());
        boolean derive = previous != null && seq >= previous.seq()
                && started.isBefore(previous.fullAt().plus(wholeMaxAge));
        Map<String, LocationCapacity> reuse = derive ? unchangedSince(previous, key.roazRegionId(), seq) : null;
        RegionalCapacity picture = (derive ? computedChanged : computedWhole)
                .record(() -> load(key.roazRegionId(), null, key.organisation(), null, reuse));
        return picture == null ? null : new Current(seq, started, derive ? previous.fullAt() : started, picture);
    }

    /** The previous picture's locations without a change-log row after it, up to {@code seq}, by location id. */
    private Map<String, LocationCapacity> unchangedSince(Current previous, String roazRegionId, long seq) {
        Set<String> changed = Set.copyOf(jdbc.queryForList("""
                select distinct location_id from region_change
                where roaz_region_id = ? and seq > ? and seq <= ?""", String.class, roazRegionId, previous.seq(), seq));
        Map<String, LocationCapacity> unchanged = new HashMap<>();
        for (LocationCapacity l : previous.picture().locations()) {
            if (!changed.contains(l.locationId())) {
                unchanged.put(l.locationId(), l);
            }
        }
        return unchanged;
    }

    private static Timer computeTimer(MeterRegistry meters, String how) {
        return Timer.builder("lpz.reporting.picture.compute")
                .description("Current regional pictures computed: every location read (whole) or only those with a "
                        + "change-log row since the previous picture (changed)")
                .tag("how", how).register(meters);
    }

    private long latestChange(String roazRegionId) {
        Long seq = jdbc.queryForObject("select coalesce(max(seq), 0) from region_change where roaz_region_id = ?",
                Long.class, roazRegionId);
        return seq == null ? 0 : seq;
    }

    private boolean fresh(Current c, long latestChange, Instant now) {
        return c.seq() == latestChange && now.isBefore(c.computedAt().plus(currentMaxAge));
    }

    /** Nothing changed since it was computed: the same picture, as of now. */
    private static RegionalCapacity asOfNow(Current c) {
        return new RegionalCapacity(c.picture().roazRegionId(), Instant.now(), c.picture().locations());
    }

    private void remember(Viewer key, Current computed) {
        if (computed == null) {
            return;
        }
        if (current.size() >= MAX_CURRENT) {
            current.clear(); // a bound, not a policy: regions times acting organisations stay far below it
        }
        current.merge(key, computed, (old, now) -> now.seq() >= old.seq() ? now : old);
    }

    /**
     * The picture of every known ROAZ region (by id) in one snapshot, for the national views of the regional picture,
     * with the same visibility, threshold and {@code asOf} rules as {@link #find}.
     *
     * @param elements only the beds whose {@code specialistisch} element (at the picture's instant) is one of these
     *                 (null: all); {@code lastEventAt} is then the newest report of those beds (a removal carries no
     *                 element)
     */
    public List<RegionalCapacity> findNational(Instant asOf, String viewerOrganisation, Set<String> elements) {
        Set<String> only = elements == null ? null : Set.copyOf(elements);
        return readOnly.execute(status -> {
            List<RegionalCapacity> pictures = new ArrayList<>();
            for (String region : jdbc.queryForList(
                    "select distinct roaz_region_id from location order by roaz_region_id", String.class)) {
                pictures.add(asOf == null && only == null && !currentMaxAge.isZero()
                        ? currentInSnapshot(region, viewerOrganisation)
                        : load(region, asOf, viewerOrganisation, only, null));
            }
            return pictures;
        });
    }

    private record LocationRow(String locationId, String organisationId, String name, String safetyRegionId) {
    }

    private record BedRow(String locationId, Instant occurredAt, String status, String specialistisch, Boolean covid,
                          String patientCovidStatus, boolean removed) {
    }

    /**
     * @param reuse figures of locations known unchanged since an earlier current picture (by location id), taken as
     *              they are while the location keeps its visibility; null: every location is read
     */
    private RegionalCapacity load(String roazRegionId, Instant asOf, String viewer, Set<String> elements,
                                  Map<String, LocationCapacity> reuse) {
        List<LocationRow> locations = jdbc.query("""
                        select location_id, organisation_id, name, safety_region_id from location
                        where roaz_region_id = ? order by location_id""",
                (rs, i) -> new LocationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                roazRegionId);
        if (locations.isEmpty()) {
            return null;
        }
        Map<String, List<Visibility.Change>> visibility = new HashMap<>();
        jdbc.query("""
                select organisation_id, changed_at, shared, release_history from visibility_history
                where organisation_id in (select organisation_id from location where roaz_region_id = ?)
                order by organisation_id, changed_at, id""", rs -> {
            visibility.computeIfAbsent(rs.getString("organisation_id"), k -> new ArrayList<>())
                    .add(new Visibility.Change(Sql.instant(rs, "changed_at"), rs.getBoolean("shared"),
                            rs.getBoolean("release_history")));
        }, roazRegionId);

        Map<String, LocationRow> visible = new LinkedHashMap<>();
        Map<String, Boolean> sharedOf = new HashMap<>();
        for (LocationRow l : locations) {
            List<Visibility.Change> history = visibility.getOrDefault(l.organisationId(), List.of());
            boolean shared = asOf == null ? Visibility.sharedNow(history) : Visibility.sharedAt(history, asOf);
            sharedOf.put(l.locationId(), shared);
            if (shared || l.organisationId().equals(viewer)) {
                visible.put(l.locationId(), l);
            }
        }
        Instant pictureAt = asOf != null ? asOf : Instant.now();
        if (visible.isEmpty()) {
            return new RegionalCapacity(roazRegionId, pictureAt, List.of());
        }
        Map<String, LocationCapacity> kept = new HashMap<>();
        if (reuse != null) {
            reuse.forEach((id, earlier) -> {
                if (visible.containsKey(id) && earlier.shared() == sharedOf.get(id)) {
                    kept.put(id, earlier);
                }
            });
        }
        String[] ids = visible.keySet().stream().filter(id -> !kept.containsKey(id)).toArray(String[]::new);
        Map<String, List<BedRow>> beds = ids.length == 0 ? Map.of() : beds(ids, asOf, elements);
        Map<String, Map<String, Integer>> thresholds = ids.length == 0 ? Map.of() : settings.thresholds(ids, asOf);
        Map<String, Contacts> contacts = ids.length == 0 ? Map.of() : settings.contacts(ids);

        List<LocationCapacity> result = new ArrayList<>();
        for (LocationRow l : visible.values()) {
            LocationCapacity earlier = kept.get(l.locationId());
            if (earlier != null) {
                result.add(earlier);
                continue;
            }
            boolean own = l.organisationId().equals(viewer);
            result.add(location(l, sharedOf.get(l.locationId()), own, beds.getOrDefault(l.locationId(), List.of()),
                    thresholds.getOrDefault(l.locationId(), Map.of()), contacts.get(l.locationId())));
        }
        return new RegionalCapacity(roazRegionId, pictureAt, result);
    }

    private Map<String, List<BedRow>> beds(String[] locationIds, Instant asOf, Set<String> elements) {
        Map<String, List<BedRow>> beds = new HashMap<>();
        String onlyElements = elements == null ? "" : " and b.specialistisch = any(?)";
        jdbc.query(con -> {
            PreparedStatement ps;
            int next = 1;
            if (asOf == null) {
                ps = con.prepareStatement("""
                        select location_id, occurred_at, status, specialistisch, covid, patient_covid_status, removed
                        from bed_current b where location_id = any(?)""" + onlyElements);
            } else {
                // every bed that ever reported has a bed_current row: per bed one index probe into its history
                ps = con.prepareStatement("""
                        select b.location_id, b.occurred_at, b.status, b.specialistisch, b.covid,
                               b.patient_covid_status, b.removed
                        from bed_current c
                        cross join lateral (
                            select location_id, occurred_at, status, specialistisch, covid, patient_covid_status,
                                   removed
                            from bed_history h
                            where h.location_id = c.location_id and h.department_id = c.department_id
                              and h.bed_id = c.bed_id and h.occurred_at <= ?
                            order by h.occurred_at desc, h.id desc limit 1) b
                        where c.location_id = any(?)""" + onlyElements);
                ps.setObject(next++, Sql.ts(asOf));
            }
            ps.setArray(next++, con.createArrayOf("text", locationIds));
            if (elements != null) {
                ps.setArray(next, con.createArrayOf("text", elements.toArray()));
            }
            ps.setFetchSize(5000);
            return ps;
        }, rs -> {
            BedRow b = new BedRow(rs.getString("location_id"), Sql.instant(rs, "occurred_at"), rs.getString("status"),
                    rs.getString("specialistisch"), Sql.nullableBoolean(rs, "covid"),
                    rs.getString("patient_covid_status"), rs.getBoolean("removed"));
            beds.computeIfAbsent(b.locationId(), k -> new ArrayList<>()).add(b);
        });
        return beds;
    }

    /** Raw counts of one element, split by the bed's COVID-capacity label. */
    private static final class Counts {
        int covidAvailable;
        int covidOccupied;
        int nonCovidAvailable;
        int nonCovidOccupied;
    }

    private LocationCapacity location(LocationRow l, boolean shared, boolean own, List<BedRow> beds,
                                      Map<String, Integer> thresholds, Contacts contacts) {
        Instant lastEventAt = null;
        Map<String, Counts> byElement = new TreeMap<>(Comparator
                .comparing((String code) -> displayOrder.getOrDefault(code, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        int patientsCovid = 0;
        int patientsDelabelled = 0;
        int patientsNonCovid = 0;
        for (BedRow b : beds) {
            if (lastEventAt == null || b.occurredAt().isAfter(lastEventAt)) {
                lastEventAt = b.occurredAt();
            }
            if (b.removed() || b.status() == null || "BLOCKED".equals(b.status()) || b.specialistisch() == null) {
                continue;
            }
            boolean occupied = "OCCUPIED".equals(b.status()) || "RESERVED".equals(b.status());
            Counts c = byElement.computeIfAbsent(b.specialistisch(), k -> new Counts());
            boolean covid = Boolean.TRUE.equals(b.covid());
            if (covid) {
                if (occupied) {
                    c.covidOccupied++;
                } else {
                    c.covidAvailable++;
                }
            } else if (occupied) {
                c.nonCovidOccupied++;
            } else {
                c.nonCovidAvailable++;
            }
            if ("OCCUPIED".equals(b.status())) {
                if ("COVID".equals(b.patientCovidStatus())) {
                    patientsCovid++;
                } else if ("COVID_DELABELLED".equals(b.patientCovidStatus())) {
                    patientsDelabelled++;
                } else {
                    patientsNonCovid++;
                }
            }
        }
        List<ElementCapacity> elements = new ArrayList<>();
        Figures totalCovid = Figures.ZERO;
        Figures totalNonCovid = Figures.ZERO;
        for (Map.Entry<String, Counts> e : byElement.entrySet()) {
            Counts c = e.getValue();
            int threshold = Math.max(0, thresholds.getOrDefault(e.getKey(), 0));
            // the threshold holds back non-COVID beds first, then COVID beds; capacity stays the staffed beds
            int nonCovidShared = Math.max(0, c.nonCovidAvailable - threshold);
            int rest = Math.max(0, threshold - c.nonCovidAvailable);
            int covidShared = Math.max(0, c.covidAvailable - rest);
            // the owner sees its raw figures (and what others see); everyone else the shared figures
            int covidAvailable = own ? c.covidAvailable : covidShared;
            int nonCovidAvailable = own ? c.nonCovidAvailable : nonCovidShared;
            Figures covid = new Figures(c.covidAvailable + c.covidOccupied, covidAvailable, c.covidOccupied);
            Figures nonCovid = new Figures(c.nonCovidAvailable + c.nonCovidOccupied, nonCovidAvailable,
                    c.nonCovidOccupied);
            Figures sum = covid.plus(nonCovid);
            elements.add(new ElementCapacity(e.getKey(), codeList.isIcu(e.getKey()), sum.capacity(), sum.available(),
                    sum.occupied(), covid, nonCovid, own ? threshold : null,
                    own ? covidShared + nonCovidShared : null));
            totalCovid = totalCovid.plus(covid);
            totalNonCovid = totalNonCovid.plus(nonCovid);
        }
        Figures total = totalCovid.plus(totalNonCovid);
        return new LocationCapacity(l.locationId(), l.organisationId(), l.name(), l.safetyRegionId(), shared, own,
                lastEventAt, elements,
                new Totals(total.capacity(), total.available(), total.occupied(), totalCovid, totalNonCovid),
                RegionalCapacity.Groups.of(elements, codeList, own), new Patients(patientsCovid, patientsDelabelled, patientsNonCovid),
                contacts != null ? contacts : new Contacts(List.of(), List.of()));
    }
}
