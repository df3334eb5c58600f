package nl.lpz.reporting.modules;

import static nl.lpz.reporting.Fixtures.at;
import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.ModuleFixtures.KIND;
import static nl.lpz.reporting.ModuleFixtures.refusal;
import static nl.lpz.reporting.ModuleFixtures.caller;
import static nl.lpz.reporting.ModuleFixtures.MODULE;
import static nl.lpz.reporting.ModuleFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Stop;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;
import nl.lpz.reporting.modules.ModulePeriodReport.Area;
import nl.lpz.reporting.modules.ModulePeriodReport.Band;
import nl.lpz.reporting.modules.ModulePeriodReport.StopFigures;
import nl.lpz.reporting.modules.ModulePeriodReport.UnitKind;
import nl.lpz.reporting.readmodel.DayRange;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.ModuleReaderRules;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StopReaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ROAZ office's period report of the test module, fed as consumed records (locations, reports, stops, passages)
 * through the projections and asserted through the period-report query (no broker, no Spring context): two
 * veiligheidsregio's and the region, expected providers, levels read with each report's own version, stops clipped at
 * the period's edges, lead times, the {@code day}, {@code from..to} and {@code quarter} forms, and who may read it.
 */
class ModulePeriodReportTest {
    /** 23 November 2026, 09:00 in Amsterdam (UTC+1); the day runs from 22 Nov 23:00 UTC to 23 Nov 23:00 UTC. */
    private static final Instant T0 = Fixtures.T0;
    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private static final Instant DAY_START = Instant.parse("2026-11-22T23:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(3));
    /**
     * Version 2 of the test module: expected from locations with an ED, fill bands narrowed (MIDDEN up to 0.75, not
     * 0.9), the location's SEH and SR stops, one interval with a norm and one without; MKA reads the region.
     */
    private static final String VERSION_2 = """
            id: proefmodule
            version: 2
            name: {nl: Proefmodule, en: Test module}
            providerKinds: [HOSPITAL_LOCATION]
            offering: [SEH]
            freshness: PT15M
            units:
              - kind: proefpost
                name: {nl: Proefpost, en: Test post}
                figures:
                  - {id: places, type: COUNT, max: 50}
                  - {id: taken, type: COUNT, max: 50}
                  - {id: state, type: STATUS, values: [GREEN, RED]}
                levels:
                  - id: fill
                    name: {nl: Vulling, en: Fill}
                    numerator: [taken]
                    denominator: [places]
                    bands:
                      - {upTo: 0.5, level: LAAG}
                      - {upTo: 0.75, level: MIDDEN}
                      - {level: HOOG}
                stops:
                  kinds: [SEH, SR]
                passages:
                  moments: [binnen, gezien, weg]
                  intervals:
                    - {id: totGezien, name: {nl: Tot gezien, en: To seen}, from: binnen, to: gezien, norm: PT15M}
                    - {id: nazorg, name: {nl: Nazorg, en: Aftercare}, from: gezien, to: weg}
            readers:
              - {role: HOSPITAL, scope: REGION, detail: PROVIDER}
              - {role: EPD_SYSTEM, scope: OWN, detail: PROVIDER}
              - {role: MKA, scope: REGION, detail: PROVIDER}
              - {role: RCPS, scope: REGION, detail: PROVIDER}
              - {role: LCPS, scope: NATIONAL, detail: PROVIDER}
              - {role: PUBLIC_AGGREGATE, scope: NATIONAL, detail: AGGREGATE}
            kpis:
              - {from: 2026-01-01, share: 0.5, source: "test KPI"}
            """;

    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static ModuleDefinition module;
    private static ModulePeriodReportQuery query;
    private static ModuleReaders readers;

    private String region;
    private String otherRegion;
    private String org;
    private String loc;
    private String orgB;
    private String locB;
    private String orgD;
    private String locD;
    private String locP;
    private String locC;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("periodreport");
        jdbc = db.jdbc();
        ModuleCatalogue catalogue = ModuleFixtures.catalogue(VERSION_2);
        module = catalogue.current(MODULE).orElseThrow();
        query = new ModulePeriodReportQuery(jdbc, db.transactions(), catalogue,
                new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of()), Clock.fixed(NOW, ZoneOffset.UTC));
        Locations locations = new Locations(jdbc);
        readers = new ModuleReaders(catalogue, new ModuleReaderRules(new RegionAccess(locations)), locations,
                new StopReaders(locations));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /**
     * Region: VR01 with LOC (ORG) and LOC-B (ORG-B); VR02 with LOC-D (ORG-D) and LOC-P (a PCI centre without an ED,
     * so not expected). Other region: LOC-C in VR03.
     */
    @BeforeEach
    void twoSafetyRegions() {
        jdbc.execute("truncate location, module_passage, module_history, module_current, stop, stop_event, "
                + "stop_lapse, processed_event, consumer_offset, region_change, parked_record");
        region = unique("ROAZ");
        otherRegion = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        orgB = unique("ORG");
        locB = unique("LOC");
        orgD = unique("ORG");
        locD = unique("LOC");
        locP = unique("LOC");
        locC = unique("LOC");
        db.project(publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.location(locB, orgB, region, "VR01")),
                publish(Fixtures.location(locD, orgD, region, "VR02")),
                publish(new LocationRegistered(LocationId.of(locP), new OrganisationId(orgD), "PCI-centrum " + locP,
                        new RoazRegionId(region), new SafetyRegionId("VR02"), Set.of(CareKind.PCI),
                        "Algemeen ziekenhuis", null, null, T0.minusSeconds(86_400), Actor.SYSTEM)),
                publish(Fixtures.location(locC, unique("ORG"), otherRegion, "VR03")));
    }

    private static Published report(ModuleFixtures.Unit unit) {
        return publish(unit.reported());
    }

    private static Published passage(String location, String organisation, Instant start, double minutesToSeen) {
        Map<String, Instant> moments = new LinkedHashMap<>();
        moments.put("binnen", start);
        moments.put("gezien", start.plusSeconds(Math.round(minutesToSeen * 60)));
        return publish(ModuleFixtures.passage(MODULE, 2, location, organisation, KIND, "P1", moments));
    }

    private static Published stop(nl.lpz.events.stops.StopEvent event) {
        return StopFixtures.publish(event);
    }

    /**
     * On the day: LOC reports fill 0.25, 0.5 (LAAG) and 0.75 (MIDDEN) under version 2; LOC-B 0.8 under version 1
     * (MIDDEN by version 1's bands, HOOG by version 2's); LOC-D 1.0 (HOOG), then removes its unit. The day before LOC-D
     * reported once; LOC-C of the other region reports too. Stops: an SEH stop of LOC from an hour before the day
     * (120 minutes, no end event: until its expected end), an SR stop of LOC-B ended after 15 minutes, an SEH stop of
     * LOC-B from an hour before the day's end (120 minutes, expired), a PCI stop (no kind of the unit), an SEH stop of
     * LOC-D lapsed after 30 minutes, one of LOC-D the day before (45 minutes) and one of LOC-C. Passages seen after 10
     * and 20 minutes at LOC, 30 at LOC-D; 5 at LOC the day before; one at LOC-C.
     */
    private void aDayOfTheRegion() {
        db.project(report(unit(loc, org, "P1").version(2).figures(4, 1, "GREEN").at(at(10))),
                report(unit(loc, org, "P1").version(2).figures(4, 2, "GREEN").at(at(20))),
                report(unit(loc, org, "P1").version(2).figures(4, 3, "RED").at(at(30))),
                report(unit(locB, orgB, "P1").figures(10, 8, "RED").at(at(10))),
                report(unit(locD, orgD, "P1").version(2).figures(4, 4, "RED").at(at(10))),
                publish(unit(locD, orgD, "P1").version(2).removed(at(50))),
                report(unit(locD, orgD, "P1").version(2).figures(4, 0, "GREEN").at(at(-24 * 60))),
                report(unit(locC, "ORG-C", "P1").version(2).figures(4, 4, "RED").at(at(10))));
        Stop sehBefore = Stop.of("VR01", region, CareKind.SEH, loc, org, DAY_START.minusSeconds(3600), 120);
        Stop sr = Stop.of("VR01", region, CareKind.SR, locB, orgB, at(60), 30);
        Stop sehOverEnd = Stop.of("VR01", region, CareKind.SEH, locB, orgB, DAY_START.plus(Duration.ofHours(23)), 120);
        Stop pci = Stop.of("VR01", region, CareKind.PCI, loc, org, at(60), 60);
        Stop sehD = Stop.of("VR02", region, CareKind.SEH, locD, orgD, at(100), 60);
        Stop sehDayBefore = Stop.of("VR02", region, CareKind.SEH, locD, orgD, at(-24 * 60), 60);
        Stop sehC = Stop.of("VR03", otherRegion, CareKind.SEH, locC, "ORG-C", at(60), 60);
        db.project(stop(sehBefore.declared()), stop(sr.declared()), stop(sr.ended(at(75))),
                stop(sehOverEnd.declared()), stop(sehOverEnd.expired()), stop(pci.declared()),
                stop(sehD.declared()), stop(StopFixtures.lapse("VR02", CareKind.SEH, at(130), sehD)),
                stop(sehDayBefore.declared()), stop(sehDayBefore.ended(at(-24 * 60 + 45))), stop(sehC.declared()));
        db.project(passage(loc, org, at(0), 10), passage(loc, org, at(60), 20), passage(locD, orgD, at(0), 30),
                passage(loc, org, at(-24 * 60), 5), passage(locC, "ORG-C", at(0), 1));
    }

    private ModulePeriodReport read(LocalDate from, LocalDate to, Caller caller) {
        return query.find(module, region, new DayRange(from, to), readers.reportReading(caller, module, region));
    }

    private static Area vr(ModulePeriodReport report, String safetyRegionId) {
        return report.safetyRegions().stream().filter(a -> safetyRegionId.equals(a.safetyRegionId())).findFirst()
                .orElseThrow();
    }

    private static UnitKind post(Area area) {
        return area.units().stream().filter(u -> u.unitKind().equals(KIND)).findFirst().orElseThrow();
    }

    private static List<Band> fill(Area area) {
        return post(area).levels().stream().filter(l -> l.level().equals("fill")).findFirst().orElseThrow().bands();
    }

    private static IntervalFigures interval(Area area, String id) {
        return post(area).leadTimes().stream().filter(i -> i.interval().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void givenADayOfTwoSafetyRegions_whenTheDayIsReported_thenProvidersLevelsStopsAndLeadTimesPerVrAndRegion() {
        aDayOfTheRegion();

        ModulePeriodReport day = read(DAY, DAY, caller("RCPS", null, region));

        assertThat(day.from()).isEqualTo(DAY);
        assertThat(day.to()).isEqualTo(DAY);
        assertThat(day.days()).isOne();
        assertThat(day.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(day.periodStart()).isEqualTo(DAY_START);
        assertThat(day.periodEnd()).isEqualTo(DAY_START.plus(Duration.ofDays(1)));
        assertThat(day.definitionVersion()).isEqualTo(2);
        assertThat(day.safetyRegions()).as("the VRs of the region's locations, by id")
                .extracting(Area::safetyRegionId).containsExactly("VR01", "VR02");
        assertThat(day.safetyRegions()).extracting(Area::providers, Area::expected, Area::reports)
                .as("LOC-P offers no ED: not expected; LOC-D's removal and its report of the day before do not count")
                .containsExactly(tuple(2, 2, 4), tuple(1, 1, 1));
        assertThat(day.region()).extracting(Area::safetyRegionId, Area::providers, Area::expected, Area::reports)
                .containsExactly(null, 3, 3, 5);

        // LOC 0.25, 0.5, 0.75 by version 2; LOC-B 0.8 by version 1's bands (MIDDEN up to 0.9)
        assertThat(fill(vr(day, "VR01"))).containsExactly(new Band("LAAG", 2, 0.5), new Band("MIDDEN", 2, 0.5),
                new Band("HOOG", 0, 0.0));
        assertThat(fill(vr(day, "VR02"))).containsExactly(new Band("LAAG", 0, 0.0), new Band("MIDDEN", 0, 0.0),
                new Band("HOOG", 1, 1.0));
        assertThat(fill(day.region())).containsExactly(new Band("LAAG", 2, 0.4), new Band("MIDDEN", 2, 0.4),
                new Band("HOOG", 1, 0.2));
        assertThat(post(day.region()).reports()).isEqualTo(5);
        assertThat(post(day.region()).levels().get(0).reports()).isEqualTo(5);

        // SEH: 60 minutes of the stop begun the evening before, 60 of the one running past midnight; SR: 15
        assertThat(post(vr(day, "VR01")).stops()).containsExactly(new StopFigures("SEH", 2, 120),
                new StopFigures("SR", 1, 15));
        assertThat(post(vr(day, "VR02")).stops()).as("lapsed after 30 minutes; the day before's not counted")
                .containsExactly(new StopFigures("SEH", 1, 30), new StopFigures("SR", 0, 0));
        assertThat(post(day.region()).stops()).containsExactly(new StopFigures("SEH", 3, 150),
                new StopFigures("SR", 1, 15));

        // 10 and 20 minutes: median 15, p90 19, over 15 minutes 1 of 2
        assertThat(interval(vr(day, "VR01"), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 2, 15.0, 19.0, 15.0, 1, 0.5));
        assertThat(interval(vr(day, "VR02"), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 1, 30.0, 30.0, 15.0, 1, 1.0));
        // 10, 20, 30: median 20, p90 at rank 1.8 = 28; over 15: 2 of 3
        assertThat(interval(day.region(), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 3, 20.0, 28.0, 15.0, 2, 0.667));
        assertThat(interval(day.region(), "nazorg")).as("listed without passages, no norm")
                .isEqualTo(new IntervalFigures("nazorg", 0, null, null, null, null, null));
    }

    @Test
    void givenTheQuarterForm_whenReported_thenTheQuartersDaysAreCounted_andStopsAreClippedOnlyByTheirEnds() {
        aDayOfTheRegion();
        DayRange quarter = ModulePeriodReportController.period(null, "2026-Q4", null, null);
        assertThat(quarter).isEqualTo(new DayRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31")));

        ModulePeriodReport report = query.find(module, region, quarter,
                readers.reportReading(caller("LCPS", null, null), module, region));

        assertThat(report.days()).isEqualTo(92);
        assertThat(report.region().reports()).as("the day before counts too").isEqualTo(6);
        assertThat(fill(vr(report, "VR02"))).containsExactly(new Band("LAAG", 1, 0.5), new Band("MIDDEN", 0, 0.0),
                new Band("HOOG", 1, 0.5));
        // LOC's SEH stop whole (120), LOC-B's to its expiry (120 and a second)
        assertThat(post(vr(report, "VR01")).stops()).containsExactly(new StopFigures("SEH", 2, 240),
                new StopFigures("SR", 1, 15));
        assertThat(post(vr(report, "VR02")).stops()).containsExactly(new StopFigures("SEH", 2, 75),
                new StopFigures("SR", 0, 0));
        // 5, 10, 20 minutes at VR01
        assertThat(interval(vr(report, "VR01"), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 3, 10.0, 18.0, 15.0, 1, 0.333));
    }

    @Test
    void givenAPeriodWithoutAnything_whenReported_thenEveryVrIsListedWithZerosAndTheDefinitionsShape() {
        ModulePeriodReport empty = read(DAY.plusDays(1), DAY.plusDays(2), caller("RCPS", null, region));

        assertThat(empty.days()).isEqualTo(2);
        assertThat(empty.safetyRegions()).extracting(Area::providers, Area::expected, Area::reports)
                .containsExactly(tuple(0, 2, 0), tuple(0, 1, 0));
        assertThat(fill(empty.region())).containsExactly(new Band("LAAG", 0, null), new Band("MIDDEN", 0, null),
                new Band("HOOG", 0, null));
        assertThat(post(empty.region()).stops()).containsExactly(new StopFigures("SEH", 0, 0),
                new StopFigures("SR", 0, 0));
        assertThat(post(empty.region()).leadTimes()).extracting(IntervalFigures::interval, IntervalFigures::passages)
                .containsExactly(tuple("totGezien", 0), tuple("nazorg", 0));
    }

    @Test
    void givenAnMkaOfOneVr_whenItReadsTheReport_thenOnlyItsOwnVrsStopsAreShown() {
        aDayOfTheRegion();

        ModulePeriodReport mka = read(DAY, DAY, caller("MKA", null, "VR01"));

        assertThat(post(vr(mka, "VR01")).stops()).isNotNull();
        assertThat(post(vr(mka, "VR02")).stops()).as("the stop view's rule: MKA reads its own VR").isNull();
        assertThat(post(mka.region()).stops()).as("no region total over stops it may not read").isNull();
        assertThat(mka.region().reports()).isEqualTo(5);
    }

    @Test
    void givenCallersOfEveryKind_whenTheyAskTheReport_thenOnlyReadersOfEveryProviderOfTheRegionGetIt() {
        aDayOfTheRegion();

        assertThat(read(DAY, DAY, caller("LCPS", null, null)).region().reports()).isEqualTo(5);
        assertThat(read(DAY, DAY, caller("HOSPITAL", org, null)).region().reports()).isEqualTo(5);
        assertThat(refusal(() -> read(DAY, DAY, caller("RCPS", null, otherRegion))))
                .isEqualTo("403 FORBIDDEN_REGION");
        assertThat(refusal(() -> read(DAY, DAY, caller("EPD_SYSTEM", org, null))))
                .as("own providers only: no report per VR").isEqualTo("403 FORBIDDEN_ROLE");
        assertThat(refusal(() -> read(DAY, DAY, caller("PUBLIC_AGGREGATE", null, null))))
                .as("aggregate only").isEqualTo("403 FORBIDDEN_ROLE");
        assertThat(refusal(() -> read(DAY, DAY, caller("MMA", null, "VR01")))).isEqualTo("403 FORBIDDEN_ROLE");
        assertThat(refusal(() -> readers.reportReading(caller("RCPS", null, region), module, unique("ROAZ"))))
                .isEqualTo("404 UNKNOWN_REGION");
    }

    @Test
    void givenThePeriodParameters_whenParsed_thenExactlyOneFormOfAtMost92DaysIsTaken() {
        assertThat(ModulePeriodReportController.period("2026-11-23", null, null, null))
                .isEqualTo(new DayRange(DAY, DAY));
        assertThat(ModulePeriodReportController.period(null, null, "2026-11-01", "2026-11-30"))
                .isEqualTo(new DayRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(ModulePeriodReportController.period(null, "2027-Q1", null, null))
                .isEqualTo(new DayRange(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31")));
        assertThat(ModulePeriodReportController.period(null, "2026-Q3", null, null).to())
                .isEqualTo(LocalDate.parse("2026-09-30"));
        for (String[] p : List.of(new String[] {null, null, null, null},
                new String[] {"2026-11-23", "2026-Q4", null, null},
                new String[] {"2026-11-23", null, "2026-11-23", "2026-11-23"},
                new String[] {null, null, "2026-11-23", null},
                new String[] {"23-11-2026", null, null, null},
                new String[] {null, "2026-Q5", null, null},
                new String[] {null, "2026Q1", null, null},
                new String[] {null, null, "2026-11-24", "2026-11-23"},
                new String[] {null, null, "2026-01-01", "2026-04-03"})) {
            assertThat(refusal(() -> ModulePeriodReportController.period(p[0], p[1], p[2], p[3])))
                    .as(String.join(",", String.valueOf(p[0]), String.valueOf(p[1]), String.valueOf(p[2]),
                            String.valueOf(p[3])))
                    .isEqualTo("400 INVALID_FIELD");
        }
        assertThat(ModulePeriodReportController.period(null, null, "2026-01-01", "2026-04-02").to())
                .as("92 days").isEqualTo(LocalDate.parse("2026-04-02"));
    }
}
