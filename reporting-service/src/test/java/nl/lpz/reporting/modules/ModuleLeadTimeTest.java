package nl.lpz.reporting.modules;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.ModuleFixtures.KIND;
import static nl.lpz.reporting.ModuleFixtures.refusal;
import static nl.lpz.reporting.ModuleFixtures.caller;
import static nl.lpz.reporting.ModuleFixtures.MODULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.Topics;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.modules.ModuleLeadTimes.Day;
import nl.lpz.reporting.modules.ModuleLeadTimes.IntervalFigures;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.ProjectionPipeline;
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
 * Lead times (passages) of the test module, fed as consumed records through the projection and asserted through
 * the lead-time query (no broker, no Spring context): medians, p90 and shares over the norm from known spans, passages
 * without their later moments, idempotency and replay, the day in Europe/Amsterdam, a region's own norm, the reader
 * rules, definition versions, and records that cannot be projected.
 */
class ModuleLeadTimeTest {
    /** 23 November 2026, 09:00 in Amsterdam (UTC+1). */
    private static final Instant T0 = Fixtures.T0;
    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    /** The test module with lead times: three moments, two intervals with a norm and one without. */
    private static final String VERSION_2 = """
            id: proefmodule
            version: 2
            name: {nl: Proefmodule, en: Test module}
            providerKinds: [HOSPITAL_LOCATION]
            freshness: PT15M
            units:
              - kind: proefpost
                name: {nl: Proefpost, en: Test post}
                figures:
                  - {id: places, type: COUNT, max: 50}
                passages:
                  moments: [binnen, gezien, weg]
                  intervals:
                    - {id: totGezien, name: {nl: Tot gezien, en: To seen}, from: binnen, to: gezien, norm: PT15M}
                    - {id: verblijf, name: {nl: Verblijf, en: Stay}, from: binnen, to: weg, norm: PT2H}
                    - {id: nazorg, name: {nl: Nazorg, en: Aftercare}, from: gezien, to: weg}
            readers:
              - {role: HOSPITAL, scope: REGION, detail: PROVIDER}
              - {role: EPD_SYSTEM, scope: OWN, detail: PROVIDER}
              - {role: RCPS, scope: REGION, detail: PROVIDER}
              - {role: LCPS, scope: NATIONAL, detail: PROVIDER}
              - {role: PUBLIC_AGGREGATE, scope: NATIONAL, detail: AGGREGATE}
            kpis:
              - {from: 2026-01-01, share: 0.5, source: "test KPI"}
            """;
    /** Version 3: a looser norm to be seen (30 minutes), and no stay interval. */
    private static final String VERSION_3 = VERSION_2.replace("version: 2", "version: 3")
            .replace("to: gezien, norm: PT15M}", "to: gezien, norm: PT30M}")
            .replace("        - {id: verblijf, name: {nl: Verblijf, en: Stay}, from: binnen, to: weg, norm: PT2H}\n",
                    "");

    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static ModuleCatalogue catalogue;
    private static ModuleDefinition module;
    private static ModuleLeadTimeQuery query;
    private static ModuleReaders readers;

    private String region;
    private String otherRegion;
    private String org;
    private String loc;
    private String orgB;
    private String locB;
    private String orgC;
    private String locC;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("leadtimes");
        jdbc = db.jdbc();
        catalogue = ModuleFixtures.catalogue(VERSION_2);
        module = catalogue.current(MODULE).orElseThrow();
        query = query(catalogue, Map.of());
        Locations locations = new Locations(jdbc);
        readers = new ModuleReaders(catalogue, new ModuleReaderRules(new RegionAccess(locations)), locations,
                new StopReaders(locations));
    }

    private static ModuleLeadTimeQuery query(ModuleCatalogue catalogue, Map<String, Duration> norms) {
        return new ModuleLeadTimeQuery(jdbc, db.transactions(), catalogue,
                new ModuleProperties(Duration.ofHours(24), Map.of(), norms));
    }

    private static ModuleLeadTimeQuery query(ModuleCatalogue catalogue, Map<String, Duration> norms,
                                             int minimumOrganisations, int minimumPassages) {
        return new ModuleLeadTimeQuery(jdbc, db.transactions(), catalogue,
                new ModuleProperties(Duration.ofHours(24), Map.of(), norms, minimumOrganisations, minimumPassages));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Region: LOC of ORG and LOC-B of ORG-B; other region: LOC-C of ORG-C. */
    @BeforeEach
    void twoRegions() {
        jdbc.execute("truncate location, module_passage, module_history, module_current, processed_event, "
                + "consumer_offset, region_change, parked_record");
        region = unique("ROAZ");
        otherRegion = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        orgB = unique("ORG");
        locB = unique("LOC");
        orgC = unique("ORG");
        locC = unique("LOC");
        db.project(publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.location(locB, orgB, region, "VR01")),
                publish(Fixtures.location(locC, orgC, otherRegion, "VR02")));
    }

    /** Moments as minutes after {@code start}: {@code "binnen", 0, "gezien", 10}. */
    private static Map<String, Instant> moments(Instant start, Object... namesAndMinutes) {
        Map<String, Instant> moments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndMinutes.length; i += 2) {
            double minutes = ((Number) namesAndMinutes[i + 1]).doubleValue();
            moments.put((String) namesAndMinutes[i], start.plusMillis(Math.round(minutes * 60_000)));
        }
        return moments;
    }

    private static Published passage(int version, String location, String organisation, String unitId,
                                     Map<String, Instant> moments) {
        return publish(ModuleFixtures.passage(MODULE, version, location, organisation, KIND, unitId, moments));
    }

    private Published passage(String unitId, Map<String, Instant> moments) {
        return passage(2, loc, org, unitId, moments);
    }

    private ModuleLeadTimes read(ModuleLeadTimeQuery q, ModuleDefinition m, String roaz, LocalDate from,
                                 LocalDate to, Caller caller) {
        return q.find(m, roaz, new DayRange(from, to), readers.reading(caller, m, roaz));
    }

    private ModuleLeadTimes read(LocalDate from, LocalDate to) {
        return read(query, module, region, from, to, caller("RCPS", null, region));
    }

    private static List<Day> days(ModuleLeadTimes answer, String providerId, String unitId) {
        return answer.providers().stream().filter(p -> p.providerId().equals(providerId)).findFirst().orElseThrow()
                .units().stream().filter(u -> u.unitId().equals(unitId)).findFirst().orElseThrow().days();
    }

    private static IntervalFigures interval(Day day, String id) {
        return day.intervals().stream().filter(i -> i.interval().equals(id)).findFirst().orElseThrow();
    }

    private static List<Day> totals(ModuleLeadTimes answer) {
        return answer.totals().stream().filter(t -> t.unitKind().equals(KIND)).findFirst().orElseThrow().days();
    }

    /**
     * P1 of LOC: five passages; to be seen 10, 20, 30, 40 minutes; stays 60, 130, (none), 200; one left before being
     * seen. P2 of LOC-B: one passage seen after 7 min 20 s.
     */
    private void knownPassages() {
        db.project(passage("P1", moments(T0, "binnen", 0, "gezien", 10, "weg", 60)),
                passage("P1", moments(T0.plusSeconds(600), "binnen", 0, "gezien", 20, "weg", 130)),
                passage("P1", moments(T0.plusSeconds(1200), "binnen", 0, "gezien", 30)),
                passage("P1", moments(T0.plusSeconds(1800), "binnen", 0, "gezien", 40, "weg", 200)),
                passage("P1", moments(T0.plusSeconds(2400), "binnen", 0)),
                passage(2, locB, orgB, "P2", moments(T0, "binnen", 0, "gezien", 7 + 1 / 3.0)));
    }

    @Test
    void givenKnownPassages_whenRead_thenMedianP90AndShareOverTheNormPerUnitDayAndInterval() {
        knownPassages();

        ModuleLeadTimes answer = read(DAY, DAY);

        assertThat(answer.moduleId()).isEqualTo(MODULE);
        assertThat(answer.roazRegionId()).isEqualTo(region);
        assertThat(answer.from()).isEqualTo(DAY);
        assertThat(answer.to()).isEqualTo(DAY);
        assertThat(answer.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(answer.detail()).isEqualTo(ReaderRule.Detail.PROVIDER);
        assertThat(answer.providers()).extracting(ModuleLeadTimes.Provider::providerId).containsExactly(
                List.of(loc, locB).stream().sorted().toArray(String[]::new));
        List<Day> p1 = days(answer, loc, "P1");
        assertThat(p1).hasSize(1);
        assertThat(p1.get(0).day()).isEqualTo(DAY);
        assertThat(p1.get(0).passages()).as("every passage that started, seen or not").isEqualTo(5);
        assertThat(p1.get(0).intervals()).extracting(IntervalFigures::interval)
                .as("the definition's order").containsExactly("totGezien", "verblijf", "nazorg");
        // 10, 20, 30, 40: median 25, p90 at rank 2.7 = 30 + 0.7 x 10; over 15 minutes: 3 of 4
        assertThat(interval(p1.get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 4, 25.0, 37.0, 15.0, 3, 0.75));
        // 60, 130, 200 (the third passage has no departure): p90 at rank 1.8 = 130 + 0.8 x 70; over 2 h: 2 of 3
        assertThat(interval(p1.get(0), "verblijf"))
                .isEqualTo(new IntervalFigures("verblijf", 3, 130.0, 186.0, 120.0, 2, 0.667));
        // 50, 110, 160, no norm
        assertThat(interval(p1.get(0), "nazorg"))
                .isEqualTo(new IntervalFigures("nazorg", 3, 110.0, 150.0, null, null, null));
        assertThat(interval(days(answer, locB, "P2").get(0), "totGezien"))
                .as("minutes with one decimal").isEqualTo(new IntervalFigures("totGezien", 1, 7.3, 7.3, 15.0, 0, 0.0));
        assertThat(interval(days(answer, locB, "P2").get(0), "verblijf")).as("listed without passages")
                .isEqualTo(new IntervalFigures("verblijf", 0, null, null, 120.0, 0, null));

        List<Day> totals = totals(answer);
        assertThat(totals).hasSize(1);
        assertThat(totals.get(0).passages()).isEqualTo(6);
        // 7.33, 10, 20, 30, 40: median 20, p90 at rank 3.6 = 30 + 0.6 x 10; over 15: 3 of 5
        assertThat(interval(totals.get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 5, 20.0, 36.0, 15.0, 3, 0.6));
        assertThat(interval(totals.get(0), "verblijf").passages()).isEqualTo(3);

        assertThat(read(DAY.plusDays(1), DAY.plusDays(3)).providers()).as("no passages in that period").isEmpty();
        assertThat(totals(read(DAY.plusDays(1), DAY.plusDays(3)))).isEmpty();
        assertThat(read(query, module, otherRegion, DAY, DAY, caller("LCPS", null, null)).providers())
                .as("another region's providers only").isEmpty();
    }

    @Test
    void givenARecordDeliveredTwiceAndTheModelReplayed_whenRead_thenEveryPassageCountsOnce() {
        Published once = passage("P1", moments(T0, "binnen", 0, "gezien", 10));
        List<Published> records = List.of(publish(Fixtures.location(loc, org, region, "VR01")), once,
                passage("P1", moments(T0, "binnen", 0, "gezien", 20, "weg", 30)));

        ProjectionPipeline.Outcome first = db.project(once, once);
        ProjectionPipeline.Outcome again = db.project(records);

        assertThat(first.projected()).containsEntry("ModulePassageRecorded", 1);
        assertThat(first.duplicates()).isOne();
        assertThat(again.projected()).containsEntry("ModulePassageRecorded", 1);
        assertThat(jdbc.queryForObject("select count(*) from module_passage", Long.class)).isEqualTo(2);
        ModuleLeadTimes before = read(DAY, DAY);
        assertThat(interval(days(before, loc, "P1").get(0), "totGezien").passages()).isEqualTo(2);
        assertThat(interval(days(before, loc, "P1").get(0), "totGezien").medianMinutes()).isEqualTo(15.0);
        List<String> rows = jdbc.queryForList("select to_jsonb(p)::text from module_passage p order by 1",
                String.class);

        jdbc.execute("truncate location, module_passage, processed_event, consumer_offset");
        records.forEach(r -> db.project(r));

        assertThat(read(DAY, DAY)).isEqualTo(before);
        assertThat(jdbc.queryForList("select to_jsonb(p)::text from module_passage p order by 1", String.class))
                .as("no identity but the event id, the same rows").isEqualTo(rows);
        assertThat(jdbc.queryForList("select column_name from information_schema.columns "
                + "where table_name = 'module_passage' order by ordinal_position", String.class))
                .containsExactly("event_id", "module_id", "definition_version", "provider_kind", "provider_id",
                        "organisation_id", "unit_kind", "unit_id", "moments", "started_at", "day");
    }

    @Test
    void givenPassagesAroundMidnightInAmsterdam_whenRead_thenEachCountsOnTheDayOfItsFirstMoment() {
        // 22:59 UTC = 23:59 in Amsterdam on the 23rd; 23:30 UTC = 00:30 on the 24th
        Instant late = Instant.parse("2026-11-23T22:59:00Z");
        Instant afterMidnight = Instant.parse("2026-11-23T23:30:00Z");
        db.project(passage("P1", moments(late, "binnen", 0, "gezien", 50)),
                passage("P1", moments(afterMidnight, "binnen", 0, "gezien", 5)));

        ModuleLeadTimes two = read(DAY, DAY.plusDays(1));

        assertThat(days(two, loc, "P1")).extracting(Day::day, Day::passages)
                .containsExactly(tuple(DAY, 1), tuple(DAY.plusDays(1), 1));
        assertThat(interval(days(two, loc, "P1").get(0), "totGezien").medianMinutes())
                .as("a span over midnight stays with its first moment's day").isEqualTo(50.0);
        assertThat(days(read(DAY.plusDays(1), DAY.plusDays(1)), loc, "P1")).extracting(Day::day)
                .containsExactly(DAY.plusDays(1));
        assertThat(jdbc.queryForList("select day from module_passage order by started_at", LocalDate.class))
                .containsExactly(DAY, DAY.plusDays(1));
    }

    @Test
    void givenARegionWithItsOwnNorm_whenRead_thenItsPassagesAreHeldToIt_andOtherRegionsToTheDefinitions() {
        knownPassages();
        db.project(passage(2, locC, orgC, "P1", moments(T0, "binnen", 0, "gezien", 20)));
        ModuleLeadTimeQuery regional = query(catalogue, Map.of(MODULE + ".totGezien." + region,
                Duration.ofMinutes(35)));

        ModuleLeadTimes own = read(regional, module, region, DAY, DAY, caller("LCPS", null, null));
        ModuleLeadTimes other = read(regional, module, otherRegion, DAY, DAY, caller("LCPS", null, null));

        assertThat(interval(days(own, loc, "P1").get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 4, 25.0, 37.0, 35.0, 1, 0.25));
        assertThat(interval(days(own, loc, "P1").get(0), "verblijf").normMinutes()).isEqualTo(120.0);
        assertThat(interval(days(other, locC, "P1").get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 1, 20.0, 20.0, 15.0, 1, 1.0));
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of(MODULE + ".geen." + region, Duration.ofHours(1)))
                .requireFits(catalogue))
                .hasMessageContaining("names no lead-time interval");
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of("geen-module.totGezien." + region, Duration.ofHours(1)))
                .requireFits(catalogue))
                .hasMessageContaining("names no lead-time interval");
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of(MODULE + ".totGezien", Duration.ofHours(1)))
                .requireFits(catalogue))
                .hasMessageContaining("<module>.<interval>.<ROAZ region>");
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of(MODULE + ".totGezien." + region, Duration.ZERO))
                .requireFits(catalogue))
                .hasMessageContaining("positive");
    }

    @Test
    void givenAggregateAndOwnScopedReaders_whenTheyRead_thenTotalsOnly_orTheirOrganisationsProvidersOnly() {
        knownPassages();

        ModuleLeadTimes aggregate = read(query, module, region, DAY, DAY, caller("PUBLIC_AGGREGATE", null, null));
        assertThat(aggregate.detail()).isEqualTo(ReaderRule.Detail.AGGREGATE);
        assertThat(aggregate.providers()).isEmpty();
        assertThat(totals(aggregate).get(0).suppressed()).as("passages of two organisations")
                .isEqualTo(IntervalFigures.TOO_FEW_ORGANISATIONS);
        assertThat(totals(aggregate).get(0).passages()).isNull();
        assertThat(interval(totals(aggregate).get(0), "totGezien")).isEqualTo(new IntervalFigures("totGezien", null,
                null, null, 15.0, null, null, IntervalFigures.TOO_FEW_ORGANISATIONS));
        ModuleLeadTimes fewPassages = read(query(catalogue, Map.of(), 2, 10), module, region, DAY, DAY,
                caller("PUBLIC_AGGREGATE", null, null));
        assertThat(totals(fewPassages).get(0).passages()).as("two organisations are enough here").isEqualTo(6);
        assertThat(interval(totals(fewPassages).get(0), "totGezien")).as("5 of at least 10 passages")
                .isEqualTo(new IntervalFigures("totGezien", 5, null, null, 15.0, null, null,
                        IntervalFigures.SMALL_COUNT));
        ModuleLeadTimes enough = read(query(catalogue, Map.of(), 2, 5), module, region, DAY, DAY,
                caller("PUBLIC_AGGREGATE", null, null));
        assertThat(interval(totals(enough).get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 5, 20.0, 36.0, 15.0, 3, 0.6));

        ModuleLeadTimes own = read(query, module, region, DAY, DAY, caller("EPD_SYSTEM", orgB, null));
        assertThat(own.providers()).extracting(ModuleLeadTimes.Provider::providerId).containsExactly(locB);
        assertThat(totals(own).get(0).passages()).as("totals over the caller's providers").isOne();
        assertThat(interval(totals(own).get(0), "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 1, 7.3, 7.3, 15.0, 0, 0.0));

        ModuleLeadTimes elsewhere = read(query, module, region, DAY, DAY, caller("EPD_SYSTEM", orgC, null));
        assertThat(elsewhere.providers()).isEmpty();
        assertThat(totals(elsewhere)).isEmpty();

        assertThat(refusal(() -> read(query, module, region, DAY, DAY, caller("EPD_SYSTEM", null, null))))
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_ORGANISATION);
        assertThat(refusal(() -> read(query, module, region, DAY, DAY, caller("RCPS", null, otherRegion))))
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_REGION);
        assertThat(refusal(() -> read(query, module, region, DAY, DAY, caller("MKA", null, "VR01"))))
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_ROLE);
    }

    @Test
    void givenPassagesOfTwoVersionsAndAnUnknownOne_whenRead_thenEachIsReadWithTheIntervalsAndNormsOfItsVersion() {
        ModuleCatalogue twoVersions = ModuleFixtures.catalogue(VERSION_2, VERSION_3);
        ModuleDefinition current = twoVersions.current(MODULE).orElseThrow();
        assertThat(current.version()).isEqualTo(3);
        ModuleLeadTimeQuery versioned = query(twoVersions, Map.of());
        db.project(passage(2, loc, org, "P1", moments(T0, "binnen", 0, "gezien", 10, "weg", 100)),
                passage(2, loc, org, "P1", moments(T0, "binnen", 0, "gezien", 20, "weg", 150)),
                passage(3, loc, org, "P1", moments(T0, "binnen", 0, "gezien", 25, "weg", 150)),
                passage(3, loc, org, "P1", moments(T0, "binnen", 0, "gezien", 35)),
                passage(9, loc, org, "P1", moments(T0, "binnen", 0, "gezien", 500, "weg", 900)));

        ModuleLeadTimes answer = read(versioned, current, region, DAY, DAY, caller("RCPS", null, region));

        Day day = days(answer, loc, "P1").get(0);
        assertThat(day.passages()).as("the unknown version 9 contributes nothing").isEqualTo(4);
        assertThat(day.intervals()).extracting(IntervalFigures::interval)
                .as("the current definition's intervals, then those only older versions have")
                .containsExactly("totGezien", "nazorg", "verblijf");
        // 10 and 20 held to version 2's 15 minutes (1 over), 25 and 35 to version 3's 30 (1 over)
        assertThat(interval(day, "totGezien"))
                .isEqualTo(new IntervalFigures("totGezien", 4, 22.5, 32.0, 30.0, 2, 0.5));
        assertThat(interval(day, "verblijf")).as("version 2's passages only")
                .isEqualTo(new IntervalFigures("verblijf", 2, 125.0, 145.0, 120.0, 1, 0.5));
        assertThat(interval(day, "nazorg").passages()).isEqualTo(3);
    }

    @Test
    void givenPassageRecordsThatCannotBeRead_whenProjected_thenTheyAreParkedAndTheRestProjected() {
        Published noMoments = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModulePassageRecorded", """
                {"moduleId":"proefmodule","definitionVersion":2,"providerKind":"HOSPITAL_LOCATION",
                 "providerId":"%s","organisationId":"%s","unitKind":"proefpost","unitId":"P1",
                 "moments":{},"occurredAt":"2026-11-23T08:00:00Z"}""".formatted(loc, org));
        Published momentWithoutInstant = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModulePassageRecorded", """
                {"moduleId":"proefmodule","definitionVersion":2,"providerKind":"HOSPITAL_LOCATION",
                 "providerId":"%s","organisationId":"%s","unitKind":"proefpost","unitId":"P1",
                 "moments":{"binnen":"2026-11-23T08:00:00Z","gezien":null},"occurredAt":"2026-11-23T08:00:00Z"}"""
                .formatted(loc, org));
        Published noVersion = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModulePassageRecorded", """
                {"moduleId":"proefmodule","providerKind":"HOSPITAL_LOCATION","providerId":"%s",
                 "organisationId":"%s","unitKind":"proefpost","unitId":"P1",
                 "moments":{"binnen":"2026-11-23T08:00:00Z"},"occurredAt":"2026-11-23T08:00:00Z"}"""
                .formatted(loc, org));
        Published notAnInstant = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModulePassageRecorded", """
                {"moduleId":"proefmodule","definitionVersion":2,"providerKind":"HOSPITAL_LOCATION",
                 "providerId":"%s","organisationId":"%s","unitKind":"proefpost","unitId":"P1",
                 "moments":{"binnen":"soon"},"occurredAt":"2026-11-23T08:00:00Z"}""".formatted(loc, org));
        Published beforeTheEpoch = passage("P1", moments(Instant.parse("1970-01-01T00:00:00Z"), "binnen", 0));

        ProjectionPipeline.Outcome outcome = db.project(noMoments, momentWithoutInstant, noVersion, notAnInstant,
                beforeTheEpoch, passage("P1", moments(T0, "binnen", 0, "gezien", 10)));

        assertThat(outcome.rejected()).extracting(DecodedRecord.Rejected::reason).containsExactly(
                DecodedRecord.Reason.INCOMPLETE, DecodedRecord.Reason.INCOMPLETE, DecodedRecord.Reason.INCOMPLETE,
                DecodedRecord.Reason.UNREADABLE, DecodedRecord.Reason.OUT_OF_RANGE);
        assertThat(outcome.rejected()).extracting(DecodedRecord.Rejected::detail).contains(
                "ModulePassageRecorded without moments", "ModulePassageRecorded without moments[gezien]",
                "ModulePassageRecorded without definitionVersion");
        assertThat(outcome.projected()).containsEntry("ModulePassageRecorded", 1);
        assertThat(jdbc.queryForObject("select count(*) from parked_record where topic = ?", Long.class,
                Topics.CAPACITY_MODULES)).isEqualTo(5);
        assertThat(days(read(DAY, DAY), loc, "P1").get(0).passages()).isOne();
    }

    @Test
    void givenPeriodsAsked_thenTodayByDefault_andAtMost92DaysFromNotAfterTo() {
        LocalDate today = LocalDate.parse("2026-11-23");

        assertThat(period(null, null, today)).isEqualTo(new DayRange(today, today));
        assertThat(period("2026-11-01", null, today))
                .isEqualTo(new DayRange(LocalDate.parse("2026-11-01"), today));
        assertThat(period(null, "2026-10-01", today)).as("from defaults to to").isEqualTo(
                new DayRange(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01")));
        assertThat(period("2026-01-01", "2026-04-02", today).to()).as("92 days")
                .isEqualTo(LocalDate.parse("2026-04-02"));
        assertThat(refusal(() -> period("2026-01-01", "2026-04-03", today)))
                .isEqualTo("400 " + ProblemCodes.INVALID_FIELD);
        assertThat(refusal(() -> period("2026-11-02", "2026-11-01", today)))
                .isEqualTo("400 " + ProblemCodes.INVALID_FIELD);
        assertThat(refusal(() -> period("gisteren", null, today))).isEqualTo("400 " + ProblemCodes.INVALID_FIELD);
        assertThat(refusal(() -> period(null, "2026-13-01", today))).isEqualTo("400 " + ProblemCodes.INVALID_FIELD);
    }

    private static DayRange period(String from, String to, LocalDate today) {
        return ModuleLeadTimeController.period(from, to, today);
    }
}
