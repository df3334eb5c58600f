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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.modules.ReaderRule;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ModuleFixtures;
import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Stop;
import nl.lpz.reporting.modules.RegionalModule.Provider;
import nl.lpz.reporting.modules.RegionalModule.Unit;
import nl.lpz.reporting.modules.RegionalModule.UnitTotals;
import nl.lpz.reporting.pipeline.DecodedRecord;
import nl.lpz.reporting.pipeline.ProjectionPipeline;
import nl.lpz.reporting.readmodel.ActiveStops;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.OpeningHours;
import nl.lpz.reporting.readmodel.ModuleReaderRules;
import nl.lpz.reporting.readmodel.RegionAccess;
import nl.lpz.reporting.readmodel.StopReaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The module projection fed events as consumed records, asserted through its queries (no broker, no Spring context),
 * with the test-only module of test-support: the picture now and as of an instant, stale back-fills, removals, age and
 * staleness, totals, idempotency and replay, the reader rules (aggregate, region, own), definition versions, the
 * stream's change-log rows, records that cannot be projected, and delivery compliance.
 */
class ModuleProjectionTest {
    /** "Now" of the queries: an hour after {@link Fixtures#T0}. */
    private static final Instant NOW = at(60);
    /** A second version of the test module: fresh for 5 minutes, a figure more, a unit kind more, no waitMinutes. */
    private static final String VERSION_2 = """
            id: proefmodule
            version: 2
            name: {nl: Proefmodule, en: Test module}
            providerKinds: [HOSPITAL_LOCATION]
            freshness: PT5M
            units:
              - kind: proefpost
                name: {nl: Proefpost, en: Test post}
                figures:
                  - {id: places, type: COUNT, max: 50}
                  - {id: taken, type: COUNT, max: 50}
                  - {id: state, type: STATUS, values: [GREEN, AMBER, RED]}
                  - {id: extra, type: COUNT, required: false}
              - kind: proefhok
                name: {nl: Proefhok, en: Test pen}
                figures:
                  - {id: pens, type: COUNT}
            readers:
              - {role: RCPS, scope: REGION, detail: PROVIDER}
              - {role: PUBLIC_AGGREGATE, scope: NATIONAL, detail: AGGREGATE}
            kpis:
              - {from: 2026-01-01, share: 0.5, source: "test KPI"}
            """;
    /** A module reported less often than daily, for the compliance window. */
    private static final String WEEKLY = """
            id: weektelling
            version: 1
            name: {nl: Weektelling, en: Weekly count}
            providerKinds: [HOSPITAL_LOCATION]
            freshness: P7D
            units:
              - kind: telpost
                name: {nl: Telpost, en: Count post}
                figures:
                  - {id: counted, type: COUNT}
            readers:
              - {role: LCPS, scope: NATIONAL, detail: PROVIDER}
            kpis:
              - {from: 2026-01-01, share: 1.0, source: "test KPI"}
            """;

    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static ModuleCatalogue catalogue;
    private static ModuleDefinition module;
    private static RegionalModuleQuery query;
    private static ModuleReaders readers;
    private static ModuleComplianceQuery compliance;
    private static ActiveStops stops;
    private static OpeningHours hours;

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
        db = ProjectionDatabase.open("modules");
        jdbc = db.jdbc();
        catalogue = ModuleFixtures.catalogue();
        module = catalogue.current(MODULE).orElseThrow();
        stops = new ActiveStops(jdbc);
        hours = new OpeningHours(jdbc);
        query = regional(catalogue);
        readers = readers(catalogue);
        compliance = new ModuleComplianceQuery(jdbc, db.transactions(), Clock.fixed(NOW, ZoneOffset.UTC),
                new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of()));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Region: LOC of ORG and LOC-B of ORG-B; other region: LOC-C of ORG-C. Compliance is national: a clean model. */
    @BeforeEach
    void twoRegions() {
        jdbc.execute("truncate location, module_history, module_current, processed_event, consumer_offset, "
                + "region_change, parked_record");
        region = unique("ROAZ");
        otherRegion = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        orgB = unique("ORG");
        locB = unique("LOC");
        orgC = unique("ORG");
        locC = unique("LOC");
        project(publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.location(locB, orgB, region, "VR01")),
                publish(Fixtures.location(locC, orgC, otherRegion, "VR02")));
    }

    private static ProjectionPipeline.Outcome project(Published... records) {
        return db.project(records);
    }

    private static Published report(ModuleFixtures.Unit unit) {
        return publish(unit.reported());
    }

    /** The picture of a catalogue's modules at NOW, with the default settings. */
    private static RegionalModuleQuery regional(ModuleCatalogue catalogue) {
        return new RegionalModuleQuery(jdbc, db.transactions(), catalogue, Clock.fixed(NOW, ZoneOffset.UTC),
                new ModuleProperties(Duration.ofHours(24), Map.of(), Map.of()), stops, hours);
    }

    private static ModuleReaders readers(ModuleCatalogue catalogue) {
        Locations locations = new Locations(jdbc);
        return new ModuleReaders(catalogue, new ModuleReaderRules(new RegionAccess(locations)), locations,
                new StopReaders(locations));
    }

    private RegionalModule picture(Instant asOf, Caller caller) {
        return query.find(module, region, asOf, readers.reading(caller, module, region));
    }

    private RegionalModule now() {
        return picture(null, caller("RCPS", null, region));
    }

    private static Provider provider(RegionalModule picture, String providerId) {
        return picture.providers().stream().filter(p -> p.providerId().equals(providerId)).findFirst().orElseThrow();
    }

    private static Unit unitOf(RegionalModule picture, String providerId, String unitId) {
        return provider(picture, providerId).units().stream().filter(u -> u.unitId().equals(unitId)).findFirst()
                .orElseThrow();
    }

    private static UnitTotals totals(RegionalModule picture, String kind) {
        return picture.totals().stream().filter(t -> t.unitKind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void givenUnitsOfTwoProviders_whenReadNow_thenEachUnitWithItsFiguresAgeAndStaleness_andTotalsPerKind() {
        project(report(unit(loc, org, "P1").values(Map.of("places", 4L, "taken", 1L, "waitMinutes", 12L))
                        .at(at(50))),
                report(unit(loc, org, "P2").figures(6, 6, "RED").at(at(40))),
                report(unit(locB, orgB, "P1").figures(2, 0, "GREEN").at(at(55))));

        RegionalModule picture = now();

        assertThat(picture.moduleId()).isEqualTo(MODULE);
        assertThat(picture.moduleName().nl()).isEqualTo("Proefmodule");
        assertThat(picture.roazRegionId()).isEqualTo(region);
        assertThat(picture.asOf()).isEqualTo(NOW);
        assertThat(picture.detail()).isEqualTo(ReaderRule.Detail.PROVIDER);
        assertThat(picture.freshness()).isEqualTo(Duration.ofMinutes(15));
        assertThat(picture.providers()).extracting(Provider::providerId).containsExactlyInAnyOrder(loc, locB);
        assertThat(provider(picture, loc).name()).isEqualTo("Ziekenhuis " + loc);
        Unit p1 = unitOf(picture, loc, "P1");
        assertThat(p1.unitKind()).isEqualTo(KIND);
        assertThat(p1.definitionVersion()).isEqualTo(1);
        assertThat(p1.values()).containsExactly(Map.entry("places", 4L), Map.entry("taken", 1L),
                Map.entry("waitMinutes", 12L));
        assertThat(p1.statuses()).containsExactly(Map.entry("state", "GREEN"));
        assertThat(p1.occurredAt()).isEqualTo(at(50));
        assertThat(p1.ageSeconds()).isEqualTo(600);
        assertThat(p1.stale()).as("10 minutes old, fresh for 15").isFalse();
        Unit p2 = unitOf(picture, loc, "P2");
        assertThat(p2.ageSeconds()).isEqualTo(1200);
        assertThat(p2.stale()).as("20 minutes old").isTrue();
        assertThat(provider(picture, loc).units()).extracting(Unit::unitId).containsExactly("P1", "P2");

        UnitTotals totals = totals(picture, KIND);
        assertThat(totals.units()).isEqualTo(3);
        assertThat(totals.staleUnits()).isEqualTo(1);
        assertThat(totals.values()).containsExactly(Map.entry("places", 12L), Map.entry("taken", 7L),
                Map.entry("waitMinutes", 12L));
        assertThat(totals.statuses()).containsExactly(Map.entry("state", Map.of("GREEN", 2, "RED", 1)));
        // fill = taken / places: 1/4 LAAG, 6/6 HOOG, 0/2 LAAG
        assertThat(p1.levels()).containsExactly(Map.entry("fill", "LAAG"));
        assertThat(p2.levels()).containsExactly(Map.entry("fill", "HOOG"));
        assertThat(totals.levels()).containsExactly(Map.entry("fill", Map.of("LAAG", 2, "MIDDEN", 0, "HOOG", 1)));
    }

    @Test
    void givenARegionWithItsOwnLevelBounds_whenRead_thenItsUnitsAreLeveledByThem_andOtherRegionsByTheDefinition() {
        RegionalModuleQuery regional = new RegionalModuleQuery(jdbc, db.transactions(), catalogue,
                Clock.fixed(NOW, ZoneOffset.UTC), new ModuleProperties(Duration.ofHours(24),
                        Map.of(MODULE + ".fill." + region, List.of(0.2, 0.3)), Map.of()), stops, hours);
        project(report(unit(loc, org, "P1").figures(4, 1, "GREEN").at(at(50))),
                report(unit(locC, orgC, "P1").figures(4, 1, "GREEN").at(at(50))));

        RegionalModule own = regional.find(module, region, null, readers.reading(caller("LCPS", null, null),
                module, region));
        RegionalModule other = regional.find(module, otherRegion, null, readers.reading(caller("LCPS", null, null),
                module, otherRegion));

        assertThat(unitOf(own, loc, "P1").levels()).containsExactly(Map.entry("fill", "MIDDEN"));
        assertThat(unitOf(other, locC, "P1").levels()).containsExactly(Map.entry("fill", "LAAG"));
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24),
                        Map.of(MODULE + ".fill." + region, List.of(0.3, 0.2)), Map.of()).requireFits(catalogue))
                .hasMessageContaining("ascending");
        assertThatThrownBy(() -> new ModuleProperties(Duration.ofHours(24),
                        Map.of(MODULE + ".geen." + region, List.of(0.3)), Map.of()).requireFits(catalogue))
                .hasMessageContaining("names no level");
    }

    @Test
    void givenNoUnits_whenRead_thenNoProvidersAndEveryUnitKindWithZeroTotals() {
        RegionalModule picture = now();

        assertThat(picture.providers()).isEmpty();
        assertThat(picture.totals()).hasSize(1);
        UnitTotals totals = totals(picture, KIND);
        assertThat(totals.units()).isZero();
        assertThat(totals.values()).isEmpty();
        assertThat(totals.statuses()).containsExactly(Map.entry("state", Map.of("GREEN", 0, "RED", 0)));
    }

    @Test
    void givenALaterReportThenAStaleBackFill_whenReadNowAndAsOf_thenNowKeepsTheLaterAndAsOfCountsTheBackFill() {
        project(report(unit(loc, org, "P1").figures(5, 1, "GREEN").at(at(10))),
                report(unit(loc, org, "P1").figures(8, 2, "RED").at(at(30))));
        project(report(unit(loc, org, "P1").figures(6, 3, "GREEN").at(at(20)).backFilled()));

        assertThat(unitOf(now(), loc, "P1").values()).containsEntry("places", 8L);
        assertThat(unitOf(now(), loc, "P1").occurredAt()).isEqualTo(at(30));
        assertThat(unitOf(picture(at(25), caller("RCPS", null, region)), loc, "P1").values())
                .containsEntry("places", 6L).containsEntry("taken", 3L);
        assertThat(unitOf(picture(at(15), caller("RCPS", null, region)), loc, "P1").values())
                .containsEntry("places", 5L);
        RegionalModule before = picture(at(5), caller("RCPS", null, region));
        assertThat(before.providers()).isEmpty();
        assertThat(before.asOf()).isEqualTo(at(5));
        Unit asOf25 = unitOf(picture(at(25), caller("RCPS", null, region)), loc, "P1");
        assertThat(asOf25.ageSeconds()).as("age relative to asOf").isEqualTo(300);
        assertThat(asOf25.stale()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from module_history where stale", Long.class)).isOne();
    }

    @Test
    void givenARemovedUnit_whenReadNowAndBeforeTheRemoval_thenHiddenFromItsRemovalOn() {
        project(report(unit(loc, org, "P1").at(at(10))), report(unit(loc, org, "P2").at(at(10))));
        project(publish(unit(loc, org, "P2").removed(at(20))));

        assertThat(provider(now(), loc).units()).extracting(Unit::unitId).containsExactly("P1");
        assertThat(totals(now(), KIND).units()).isEqualTo(1);
        assertThat(provider(picture(at(15), caller("RCPS", null, region)), loc).units()).extracting(Unit::unitId)
                .containsExactly("P1", "P2");
        assertThat(provider(picture(at(20), caller("RCPS", null, region)), loc).units()).extracting(Unit::unitId)
                .containsExactly("P1");

        project(report(unit(loc, org, "P2").figures(9, 9, "RED").at(at(25))));
        assertThat(unitOf(now(), loc, "P2").values()).as("a report after the removal brings it back")
                .containsEntry("places", 9L);
    }

    @Test
    void givenARecordDeliveredTwice_whenProjected_thenItCountsOnce() {
        Published record = report(unit(loc, org, "P1").at(at(10)));

        ProjectionPipeline.Outcome first = project(record, record);
        ProjectionPipeline.Outcome again = project(record);

        assertThat(first.projected()).containsEntry("ModuleFiguresReported", 1);
        assertThat(first.duplicates()).isOne();
        assertThat(again.projected()).isEmpty();
        assertThat(again.duplicates()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from module_history", Long.class)).isOne();
        assertThat(totals(now(), KIND).units()).isOne();
    }

    @Test
    void givenAProjectedModel_whenEmptiedAndTheSameRecordsReplayed_thenThePictureNowAndAsOfIsTheSame() {
        List<Published> records = List.of(
                publish(Fixtures.location(loc, org, region, "VR01")),
                publish(Fixtures.location(locB, orgB, region, "VR01")),
                report(unit(loc, org, "P1").figures(5, 1, "GREEN").at(at(10))),
                report(unit(loc, org, "P1").figures(8, 2, "RED").at(at(30))),
                report(unit(locB, orgB, "P1").figures(3, 3, "RED").at(at(35))),
                report(unit(loc, org, "P2").at(at(12))),
                publish(unit(loc, org, "P2").removed(at(40))),
                report(unit(loc, org, "P1").figures(6, 3, "GREEN").at(at(20)).backFilled()));
        records.forEach(r -> project(r));
        RegionalModule now = now();
        RegionalModule asOf = picture(at(25), caller("RCPS", null, region));
        List<String> history = jdbc.queryForList(
                "select (to_jsonb(h) - 'id' - 'projected_at')::text from module_history h order by 1", String.class);

        jdbc.execute("truncate location, module_history, module_current, processed_event, consumer_offset");
        project(records.toArray(new Published[0]));

        assertThat(now()).isEqualTo(now);
        assertThat(picture(at(25), caller("RCPS", null, region))).isEqualTo(asOf);
        assertThat(jdbc.queryForList("select (to_jsonb(h) - 'id' - 'projected_at')::text from module_history h "
                + "order by 1", String.class)).isEqualTo(history);
    }

    @Test
    void givenAnAggregateReader_whenItReads_thenTotalsOnlyAndNoProviders() {
        project(report(unit(loc, org, "P1").at(at(50))), report(unit(locB, orgB, "P1").figures(3, 2, "RED")
                .at(at(50))));

        RegionalModule picture = picture(null, caller("PUBLIC_AGGREGATE", null, null));

        assertThat(picture.detail()).isEqualTo(ReaderRule.Detail.AGGREGATE);
        assertThat(picture.providers()).isEmpty();
        assertThat(totals(picture, KIND).units()).isEqualTo(2);
        assertThat(totals(picture, KIND).suppressed()).as("two organisations could tell each other's figures")
                .isEqualTo(UnitTotals.TOO_FEW_ORGANISATIONS);
        assertThat(totals(picture, KIND).values()).isEmpty();
        assertThat(totals(picture, KIND).statuses()).isEmpty();
        assertThat(totals(now(), KIND).suppressed()).as("a provider reader sees them").isNull();

        String locD = unique("LOC");
        String orgD = unique("ORG");
        project(publish(Fixtures.location(locD, orgD, region, "VR01")));
        project(report(unit(locD, orgD, "P1").figures(5, 1, "GREEN").at(at(50))));
        RegionalModule three = picture(null, caller("PUBLIC_AGGREGATE", null, null));
        assertThat(totals(three, KIND).suppressed()).as("three organisations").isNull();
        assertThat(totals(three, KIND).units()).isEqualTo(3);
        assertThat(totals(three, KIND).values()).containsEntry("places", 12L).containsEntry("taken", 4L);
        assertThat(picture(at(55), caller("PUBLIC_AGGREGATE", null, null)).providers()).isEmpty();
    }

    @Test
    void givenRegionScopedReaders_whenTheyReadTheirOwnOrAnotherRegion_thenTheirOwnOnly() {
        project(report(unit(loc, org, "P1").at(at(50))), report(unit(locB, orgB, "P1").at(at(50))));

        assertThat(picture(null, caller("RCPS", null, region)).providers()).hasSize(2);
        assertThat(refusal(() -> picture(null, caller("RCPS", null, otherRegion))))
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_REGION);
        assertThat(picture(null, caller("HOSPITAL", orgB, null)).providers())
                .as("a hospital of the region sees every provider of it").hasSize(2);
        assertThat(refusal(() -> picture(null, caller("HOSPITAL", orgC, null))))
                .as("a hospital whose locations lie in another region")
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_REGION);
        assertThat(picture(null, caller("LCPS", null, null)).providers()).as("national").hasSize(2);
        assertThat(refusal(() -> picture(null, caller("MKA", null, "VR01")))).as("no reader rule for MKA")
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_ROLE);
        assertThat(refusal(() -> picture(null, caller("MMA,ADMIN", null, null)))).isEqualTo("403 "
                + ProblemCodes.FORBIDDEN_ROLE);
        assertThat(refusal(() -> readers.reading(caller("LCPS", null, null), module, unique("ROAZ"))))
                .isEqualTo("404 " + RegionAccess.UNKNOWN_REGION);
        assertThat(refusal(() -> readers.reading(caller("MKA", null, "VR01"), module, unique("ROAZ"))))
                .as("the role first, then the region").isEqualTo("403 " + ProblemCodes.FORBIDDEN_ROLE);
        assertThat(refusal(() -> readers.module("geen-module"))).isEqualTo("404 " + ModuleReaders.UNKNOWN_MODULE);
    }

    @Test
    void givenAnOwnScopedReader_whenItReads_thenOnlyItsOrganisationsProviders_andTotalsOverThem() {
        project(report(unit(loc, org, "P1").figures(4, 1, "GREEN").at(at(50))),
                report(unit(locB, orgB, "P1").figures(3, 2, "RED").at(at(50))));

        RegionalModule own = picture(null, caller("EPD_SYSTEM", orgB, null));
        assertThat(own.providers()).extracting(Provider::providerId).containsExactly(locB);
        assertThat(totals(own, KIND).units()).isOne();
        assertThat(totals(own, KIND).values()).containsEntry("places", 3L);

        RegionalModule elsewhere = picture(null, caller("EPD_SYSTEM", orgC, null));
        assertThat(elsewhere.providers()).as("an organisation without locations in the region").isEmpty();
        assertThat(totals(elsewhere, KIND).units()).isZero();

        assertThat(refusal(() -> picture(null, caller("EPD_SYSTEM", null, null))))
                .isEqualTo("403 " + ProblemCodes.FORBIDDEN_ORGANISATION);
        assertThat(picture(null, caller("HOSPITAL,EPD_SYSTEM", orgB, null)).providers())
                .as("the wider rule of the two roles wins").hasSize(2);
    }

    @Test
    void givenUnitsReportedUnderTwoVersions_whenRead_thenEachUnitIsReadWithTheVersionItsReportNames() {
        ModuleCatalogue withVersion2 = ModuleFixtures.catalogue(VERSION_2);
        ModuleDefinition current = withVersion2.current(MODULE).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        RegionalModuleQuery versioned = regional(withVersion2);
        project(report(unit(loc, org, "OLD").values(Map.of("places", 4L, "taken", 1L, "waitMinutes", 12L))
                        .at(at(50))),
                report(unit(loc, org, "NEW").version(2).values(Map.of("places", 5L, "taken", 2L, "extra", 3L))
                        .at(at(50))),
                report(unit(loc, org, "FUTURE").version(7).values(Map.of("places", 1L, "novel", 8L)).at(at(58))));

        RegionalModule picture = versioned.find(current, region, null,
                new RegionalModuleQuery.Reading(ReaderRule.Detail.PROVIDER, null));

        assertThat(picture.freshness()).as("of the current definition").isEqualTo(Duration.ofMinutes(5));
        Unit old = unitOf(picture, loc, "OLD");
        assertThat(old.definitionVersion()).isEqualTo(1);
        assertThat(old.values()).as("version 1 has waitMinutes").containsEntry("waitMinutes", 12L);
        assertThat(old.stale()).as("10 minutes old, fresh for 15 under version 1").isFalse();
        Unit fresh = unitOf(picture, loc, "NEW");
        assertThat(fresh.values()).containsExactly(Map.entry("places", 5L), Map.entry("taken", 2L),
                Map.entry("extra", 3L));
        assertThat(fresh.stale()).as("10 minutes old, fresh for 5 under version 2").isTrue();
        Unit unknown = unitOf(picture, loc, "FUTURE");
        assertThat(unknown.values()).as("a version this instance does not know: as reported")
                .containsEntry("novel", 8L);
        assertThat(unknown.stale()).as("2 minutes old, the current freshness").isFalse();

        assertThat(picture.totals()).extracting(UnitTotals::unitKind).containsExactly(KIND, "proefhok");
        UnitTotals totals = totals(picture, KIND);
        assertThat(totals.values()).containsEntry("places", 10L).containsEntry("waitMinutes", 12L)
                .containsEntry("extra", 3L).containsEntry("novel", 8L);
        assertThat(List.copyOf(totals.values().keySet()).subList(0, 3)).as("the current definition's order first")
                .containsExactly("places", "taken", "extra");
        assertThat(totals.statuses().get("state")).containsExactly(Map.entry("GREEN", 3), Map.entry("AMBER", 0),
                Map.entry("RED", 0));
        assertThat(totals(picture, "proefhok").units()).isZero();
    }

    @Test
    void givenReportsAndARemoval_whenProjected_thenOneModuleChangePerUnitForTheProvidersRegion() {
        String unregistered = unique("LOC");
        project(report(unit(loc, org, "P1").at(at(1))), report(unit(loc, org, "P1").at(at(2))),
                publish(unit(locB, orgB, "P9").removed(at(3))), report(unit(unregistered, org, "P1").at(at(4))));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select roaz_region_id, location_id, organisation_id, restricted_to_organisation,
                       payload::text as payload
                from region_change where kind = 'module' order by seq""");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("roaz_region_id", region).containsEntry("location_id", loc)
                .containsEntry("organisation_id", org).containsEntry("restricted_to_organisation", null);
        assertThat((String) rows.get(0).get("payload")).contains("\"moduleId\":\"" + MODULE + "\"",
                "\"providerId\":\"" + loc + "\"", "\"unitKind\":\"" + KIND + "\"", "\"unitId\":\"P1\"",
                "\"removed\":false", "\"occurredAt\":\"" + at(2) + "\"", "\"changedAt\":\"");
        assertThat((String) rows.get(1).get("payload")).contains("\"providerId\":\"" + locB + "\"",
                "\"unitId\":\"P9\"", "\"removed\":true");
    }

    @Test
    void givenModuleRecordsThatCannotBeRead_whenProjected_thenTheyAreParkedAndTheRestProjected() {
        Published noUnit = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModuleFiguresReported", """
                {"moduleId":"proefmodule","definitionVersion":1,"providerKind":"HOSPITAL_LOCATION",
                 "providerId":"%s","organisationId":"%s","unitKind":"proefpost","occurredAt":"2026-11-23T08:00:00Z"}"""
                .formatted(loc, org));
        Published noVersion = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModuleUnitRemoved", """
                {"moduleId":"proefmodule","providerKind":"HOSPITAL_LOCATION","providerId":"%s",
                 "organisationId":"%s","unitKind":"proefpost","unitId":"P1","occurredAt":"2026-11-23T08:00:00Z"}"""
                .formatted(loc, org));
        Published badValue = Fixtures.poison(Topics.CAPACITY_MODULES, loc, "ModuleFiguresReported", """
                {"moduleId":"proefmodule","definitionVersion":1,"providerKind":"HOSPITAL_LOCATION",
                 "providerId":"%s","organisationId":"%s","unitKind":"proefpost","unitId":"P1",
                 "values":{"places":"many"},"occurredAt":"2026-11-23T08:00:00Z"}""".formatted(loc, org));

        ProjectionPipeline.Outcome outcome = project(noUnit, noVersion, badValue,
                report(unit(loc, org, "P1").at(at(50))));

        assertThat(outcome.rejected()).extracting(DecodedRecord.Rejected::reason).containsExactly(
                DecodedRecord.Reason.INCOMPLETE, DecodedRecord.Reason.INCOMPLETE, DecodedRecord.Reason.UNREADABLE);
        assertThat(outcome.rejected()).extracting(DecodedRecord.Rejected::detail)
                .contains("ModuleFiguresReported without unitId", "ModuleUnitRemoved without definitionVersion");
        assertThat(jdbc.queryForObject("select count(*) from parked_record where topic = ?", Long.class,
                Topics.CAPACITY_MODULES)).isEqualTo(3);
        assertThat(totals(now(), KIND).units()).isOne();
    }

    @Test
    void givenProvidersDeliveringOrNot_whenComplianceIsAsked_thenPerRegionAndNationallyAgainstTheKpiOfTheDay() {
        String locNoEd = unique("LOC");
        project(publish(new LocationRegistered(LocationId.of(locNoEd), new OrganisationId(org), "Buitenpoli",
                        new RoazRegionId(region), new SafetyRegionId("VR01"), Set.of(CareKind.PCI), null, null, null,
                        Fixtures.T0, Actor.SYSTEM)),
                report(unit(loc, org, "P1").at(NOW.minus(Duration.ofHours(1)))),
                report(unit(locB, orgB, "P1").at(NOW.minus(Duration.ofHours(30)))),
                report(unit(locC, orgC, "P1").at(NOW.minus(Duration.ofHours(30)))),
                report(unit(locC, orgC, "P2").at(NOW.minus(Duration.ofHours(2))).backFilled()),
                publish(unit(locNoEd, org, "P1").removed(NOW.minus(Duration.ofHours(2)))));

        ModuleCompliance answer = compliance.compliance(List.of(module), null, null);

        assertThat(answer.asOf()).isEqualTo(NOW);
        assertThat(answer.day()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(answer.timeZone()).isEqualTo("Europe/Amsterdam");
        ModuleCompliance.Module m = answer.modules().get(0);
        assertThat(m.moduleId()).isEqualTo(MODULE);
        assertThat(m.window()).isEqualTo(Duration.ofHours(24));
        assertThat(m.windowStart()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(m.requiredShare()).isEqualTo(1.0);
        assertThat(m.kpi().from()).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(m.kpi().share()).isEqualTo(1.0);
        assertThat(m.kpi().source()).isEqualTo("test KPI");
        ModuleCompliance.Region r = m.regions().stream().filter(x -> x.roazRegionId().equals(region)).findFirst()
                .orElseThrow();
        assertThat(r.expected()).as("every registered location, a removal is no delivery").isEqualTo(3);
        assertThat(r.delivering()).isOne();
        assertThat(r.share()).isEqualTo(0.3333);
        assertThat(r.meetsKpi()).isFalse();
        assertThat(r.providers()).filteredOn(ModuleCompliance.Provider::delivering)
                .extracting(ModuleCompliance.Provider::providerId, ModuleCompliance.Provider::lastReportAt)
                .containsExactly(tuple(loc, NOW.minus(Duration.ofHours(1))));
        assertThat(m.national()).as("a stale back-fill in the window is a delivery")
                .isEqualTo(new ModuleCompliance.Share(4, 2, 0.5, false));

        ModuleCompliance.Module inMarch = compliance.compliance(List.of(module), region,
                Instant.parse("2026-03-01T12:00:00Z")).modules().get(0);
        assertThat(inMarch.requiredShare()).isEqualTo(0.5);
        assertThat(inMarch.regions()).extracting(ModuleCompliance.Region::roazRegionId).containsExactly(region);
        assertThat(inMarch.national().expected()).as("national over every region").isEqualTo(4);
        ModuleCompliance.Module beforeKpis = compliance.compliance(List.of(module), null,
                Instant.parse("2025-12-31T12:00:00Z")).modules().get(0);
        assertThat(beforeKpis.requiredShare()).isNull();
        assertThat(beforeKpis.kpi()).isNull();
        assertThat(beforeKpis.national().meetsKpi()).isNull();
    }

    @Test
    void givenAModuleForProvidersWithACareKind_whenComplianceIsAsked_thenOnlyThoseAreExpected() {
        String locNoEd = unique("LOC");
        project(publish(new LocationRegistered(LocationId.of(locNoEd), new OrganisationId(org), "Buitenpoli",
                new RoazRegionId(region), new SafetyRegionId("VR01"), Set.of(CareKind.PCI), null, null, null,
                Fixtures.T0, Actor.SYSTEM)));
        ModuleDefinition ed = catalogue.current("spoed").orElseThrow();
        assertThat(ed.offering()).containsExactly("SEH");

        ModuleCompliance.Module m = compliance.compliance(List.of(ed), region, null).modules().get(0);

        assertThat(m.regions().get(0).providers()).extracting(ModuleCompliance.Provider::providerId)
                .containsExactlyInAnyOrder(loc, locB);
        assertThat(m.regions().get(0).delivering()).isZero();
        assertThat(m.regions().get(0).meetsKpi()).isFalse();
    }

    @Test
    void givenAModuleFreshForLongerThanADay_whenComplianceIsAsked_thenItsWindowIsItsFreshness() {
        ModuleDefinition weekly = ModuleFixtures.catalogue(WEEKLY).current("weektelling").orElseThrow();
        project(report(unit(loc, org, "T1").module("weektelling").kind("telpost").values(Map.of("counted", 3L))
                .at(NOW.minus(Duration.ofDays(3)))));

        ModuleCompliance.Module m = compliance.compliance(List.of(weekly, module), region, null).modules().get(0);

        assertThat(m.window()).isEqualTo(Duration.ofDays(7));
        assertThat(m.regions().get(0).delivering()).isOne();
        assertThat(m.regions().get(0).share()).isEqualTo(0.5);
    }

    // ------------------------------------------------------------------------------------- stops with the units

    /** The test module with the location's SEH and SR stops shown with its posts, and SEH stops overriding state. */
    private static final String WITH_STOPS = VERSION_2.replace("version: 2", "version: 3")
            .replace("      - {id: extra, type: COUNT, required: false}\n",
                    "      - {id: extra, type: COUNT, required: false}\n"
                            + "    stops:\n"
                            + "      kinds: [SEH, SR]\n"
                            + "      availability: {figure: state, stoppedBy: SEH}\n")
            .replace("readers:\n", "readers:\n  - {role: MKA, scope: REGION, detail: PROVIDER}\n");

    @Test
    void givenStopKindsInTheDefinition_whenRead_thenTheUnitsShowTheirLocationsStopsAndAvailability_nowAndAsOf() {
        ModuleCatalogue withStops = ModuleFixtures.catalogue(WITH_STOPS);
        ModuleDefinition current = withStops.current(MODULE).orElseThrow();
        RegionalModuleQuery regional = regional(withStops);
        ModuleReaders stopAware = readers(withStops);
        String vr3 = "VR03";
        String locD = unique("LOC");
        String orgD = unique("ORG");
        project(publish(Fixtures.location(locD, orgD, region, vr3)));
        project(report(unit(loc, org, "P1").version(3).figures(4, 1, "GREEN").at(at(20))),
                report(unit(locB, orgB, "P1").version(3).figures(4, 3, "AMBER").at(at(20))),
                report(unit(locD, orgD, "P1").version(3).figures(4, 0, "GREEN").at(at(20))));
        Stop seh = Stop.of("VR01", region, CareKind.SEH, loc, org, at(40), 120);
        Stop pci = Stop.of("VR01", region, CareKind.PCI, loc, org, at(40), 120);
        Stop sr = Stop.of("VR01", region, CareKind.SR, locB, orgB, at(45), 30);
        Stop sehD = Stop.of(vr3, region, CareKind.SEH, locD, orgD, at(40), 120);
        project(StopFixtures.publish(seh.declared()), StopFixtures.publish(pci.declared()),
                StopFixtures.publish(sr.declared()), StopFixtures.publish(sehD.declared()));

        RegionalModule rcps = regional.find(current, region, null,
                stopAware.reading(caller("RCPS", null, region), current, region));

        Unit onStop = unitOf(rcps, loc, "P1");
        assertThat(onStop.stops()).as("the SEH stop; PCI is no kind of this unit")
                .extracting(RegionalModule.UnitStop::stopId, RegionalModule.UnitStop::kind,
                        RegionalModule.UnitStop::expectedEnd)
                .containsExactly(tuple(seh.stopId(), "SEH", at(160)));
        assertThat(onStop.care()).as("SR is not offered there").containsExactly(Map.entry("SEH", "STOP"));
        assertThat(onStop.availability()).isEqualTo(new RegionalModule.Availability("STOP", "SEH", at(160), false, null));
        assertThat(onStop.statuses()).as("the reported figure stays as reported").containsEntry("state", "GREEN");
        Unit srStopped = unitOf(rcps, locB, "P1");
        assertThat(srStopped.care()).as("a stop shows its kind even where the topology does not list it")
                .containsExactly(Map.entry("SEH", "OPEN"), Map.entry("SR", "STOP"));
        assertThat(srStopped.availability()).as("an SR stop leaves the SEH availability to the figure")
                .isEqualTo(new RegionalModule.Availability("AMBER", null, null, false, null));
        assertThat(unitOf(rcps, locD, "P1").availability().value()).as("the RCPS reads every VR of its region")
                .isEqualTo("STOP");
        UnitTotals totals = rcps.totals().get(0);
        assertThat(totals.availability()).containsExactly(Map.entry("AMBER", 1), Map.entry("STOP", 2));
        assertThat(totals.care()).containsExactly(Map.entry("SEH", Map.of("OPEN", 1, "STOP", 2)),
                Map.entry("SR", Map.of("STOP", 1)));

        RegionalModule mka = regional.find(current, region, null,
                stopAware.reading(caller("MKA", null, "VR01"), current, region));
        Unit otherVr = unitOf(mka, locD, "P1");
        assertThat(otherVr.stops()).as("MKA reads the stops of its own VR only, here too").isEmpty();
        assertThat(otherVr.care()).isEmpty();
        assertThat(otherVr.availability()).isNull();
        assertThat(unitOf(mka, loc, "P1").availability().value()).isEqualTo("STOP");

        RegionalModule before = regional.find(current, region, at(30),
                stopAware.reading(caller("RCPS", null, region), current, region));
        assertThat(unitOf(before, loc, "P1").availability()).as("before the stop")
                .isEqualTo(new RegionalModule.Availability("GREEN", null, null, false, null));
        assertThat(unitOf(before, loc, "P1").stops()).isEmpty();
        RegionalModule during = regional.find(current, region, at(50),
                stopAware.reading(caller("RCPS", null, region), current, region));
        assertThat(unitOf(during, loc, "P1").availability().value()).isEqualTo("STOP");

        project(StopFixtures.publish(seh.ended(at(55))));
        RegionalModule after = regional.find(current, region, null,
                stopAware.reading(caller("RCPS", null, region), current, region));
        assertThat(unitOf(after, loc, "P1").availability().value()).as("ended at 55").isEqualTo("GREEN");
        assertThat(unitOf(after, loc, "P1").care()).containsExactly(Map.entry("SEH", "OPEN"));
        assertThat(unitOf(regional.find(current, region, at(50), stopAware.reading(caller("RCPS", null, region),
                current, region)), loc, "P1").availability().value()).as("the past keeps its stop").isEqualTo("STOP");

        RegionalModule aggregate = regional.find(current, region, null,
                stopAware.reading(caller("PUBLIC_AGGREGATE", null, null), current, region));
        assertThat(aggregate.totals().get(0).availability()).as("stops only for their readers").isEmpty();
        assertThat(aggregate.totals().get(0).care()).isEmpty();
    }

    @Test
    void givenAnExpectedLocationWithoutReports_whenRead_thenItIsListedAsNotReportingWithItsStops() {
        ModuleCatalogue withStops = ModuleFixtures.catalogue(WITH_STOPS);
        ModuleDefinition current = withStops.current(MODULE).orElseThrow();
        RegionalModuleQuery regional = regional(withStops);
        ModuleReaders stopAware = readers(withStops);
        project(report(unit(loc, org, "P1").version(3).figures(4, 1, "GREEN").at(at(20))));
        Stop seh = Stop.of("VR01", region, CareKind.SEH, locB, orgB, at(40), 120);
        project(StopFixtures.publish(seh.declared()));

        RegionalModule rcps = regional.find(current, region, null,
                stopAware.reading(caller("RCPS", null, region), current, region));

        assertThat(rcps.providers()).extracting(Provider::providerId).containsExactly(loc);
        assertThat(rcps.notReporting()).extracting(RegionalModule.NotReporting::providerId).containsExactly(locB);
        RegionalModule.NotReporting silent = rcps.notReporting().get(0);
        assertThat(silent.stops()).extracting(RegionalModule.UnitStop::stopId).containsExactly(seh.stopId());
        assertThat(silent.care()).containsExactly(Map.entry("SEH", "STOP"));
        assertThat(regional.find(current, region, at(30), stopAware.reading(caller("RCPS", null, region), current,
                region)).notReporting().get(0).stops()).as("before its stop").isEmpty();
        assertThat(regional.find(current, region, null, stopAware.reading(caller("PUBLIC_AGGREGATE", null, null),
                current, region)).notReporting()).as("an aggregate reader").isEmpty();
    }

    /** The module with stops, whose availability also follows the locations' SEH opening hours. */
    private static final String WITH_HOURS = WITH_STOPS.replace("version: 3", "version: 4")
            .replace("values: [GREEN, AMBER, RED]}", "values: [GREEN, AMBER, RED, CLOSED]}")
            .replace("availability: {figure: state, stoppedBy: SEH}", "availability: {figure: state, stoppedBy: SEH, "
                    + "hoursOf: SEH}");

    private static OpeningHoursSet openingHours(String location, String organisation, Instant setAt,
                                                OpeningPeriod... periods) {
        return new OpeningHoursSet(LocationId.of(location), new OrganisationId(organisation), CareKind.SEH,
                List.of(periods), setAt, Actor.SYSTEM);
    }

    private static OpeningPeriod monday(String opens, String closes) {
        return new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    @Test
    void givenOpeningHours_whenReadOutsideThem_thenClosedUntilItOpens_andInsideThemTheFigureUntilItCloses() {
        ModuleCatalogue withHours = ModuleFixtures.catalogue(WITH_HOURS);
        ModuleDefinition current = withHours.current(MODULE).orElseThrow();
        RegionalModuleQuery regional = regional(withHours);
        ModuleReaders hoursAware = readers(withHours);
        project(report(unit(loc, org, "P1").version(4).figures(4, 1, "GREEN").at(at(20))),
                report(unit(locB, orgB, "P1").version(4).figures(4, 3, "AMBER").at(at(20))));
        // T0 is Monday 09:00 in Amsterdam, NOW 10:00; the hours are set at 09:40
        project(publish(openingHours(loc, org, at(40), monday("09:00", "09:50"), monday("11:00", "00:00"))),
                publish(openingHours(locB, orgB, at(40), monday("08:00", "12:00"))));

        RegionalModule now = regional.find(current, region, null, hoursAware.reading(caller("RCPS", null, region),
                current, region));

        assertThat(unitOf(now, loc, "P1").availability()).as("closed at 10:00, opens at 11:00 (10:00Z)")
                .isEqualTo(new RegionalModule.Availability("CLOSED", null, at(120), true, null));
        assertThat(unitOf(now, loc, "P1").statuses()).as("as reported").containsEntry("state", "GREEN");
        assertThat(unitOf(now, locB, "P1").availability()).as("open, closes at 12:00 (11:00Z)")
                .isEqualTo(new RegionalModule.Availability("AMBER", null, null, false, at(180)));
        assertThat(now.totals().get(0).availability()).containsEntry("CLOSED", 1).containsEntry("AMBER", 1);

        RegionalModule beforeTheHours = regional.find(current, region, at(30),
                hoursAware.reading(caller("RCPS", null, region), current, region));
        assertThat(unitOf(beforeTheHours, loc, "P1").availability()).as("no hours yet at 09:30: around the clock")
                .isEqualTo(new RegionalModule.Availability("GREEN", null, null, false, null));
        RegionalModule withinThem = regional.find(current, region, at(45),
                hoursAware.reading(caller("RCPS", null, region), current, region));
        assertThat(unitOf(withinThem, loc, "P1").availability()).as("09:45: open until 09:50")
                .isEqualTo(new RegionalModule.Availability("GREEN", null, null, false, at(50)));

        Stop seh = Stop.of("VR01", region, CareKind.SEH, loc, org, at(50), 120);
        project(StopFixtures.publish(seh.declared()));
        assertThat(unitOf(regional.find(current, region, null, hoursAware.reading(caller("RCPS", null, region),
                current, region)), loc, "P1").availability().value()).as("a stop shows over the hours")
                .isEqualTo("STOP");

        project(publish(openingHours(loc, org, at(55))));
        project(StopFixtures.publish(seh.ended(at(56))));
        assertThat(unitOf(regional.find(current, region, null, hoursAware.reading(caller("RCPS", null, region),
                current, region)), loc, "P1").availability()).as("no periods again: around the clock")
                .isEqualTo(new RegionalModule.Availability("GREEN", null, null, false, null));
    }
}
