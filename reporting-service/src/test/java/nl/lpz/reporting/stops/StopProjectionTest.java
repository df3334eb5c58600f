package nl.lpz.reporting.stops;

import nl.lpz.reporting.ProjectionDatabase;
import nl.lpz.reporting.pipeline.ProjectionPipeline;
import nl.lpz.reporting.readmodel.Locations;

import static nl.lpz.reporting.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.stops.StopType;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.StopFixtures;
import nl.lpz.reporting.StopFixtures.Announcement;
import nl.lpz.reporting.StopFixtures.Stop;
import nl.lpz.reporting.stops.RegionalStops;
import nl.lpz.reporting.readmodel.ActiveStop;
import nl.lpz.reporting.readmodel.ActiveStops;
import nl.lpz.reporting.stops.StopQuery;
import nl.lpz.reporting.stops.StopStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The stop projection fed stop events as consumed records and asserted through its queries (no broker, no Spring):
 * the active view with expiresSoon and graceUntil, announcements, every way a stop ends, the change log, idempotency
 * and every figure of the statistics. Each test uses a veiligheidsregio id of its own (the query does not check the
 * VR01..VR25 list; the controller does).
 */
class StopProjectionTest {
    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static StopQuery query;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String vr;
    private String roaz;
    private String org;
    private String loc;
    private String otherLoc;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("stops");
        jdbc = db.jdbc();
        DataSourceTransactionManager tm = db.transactions();
        query = new StopQuery(jdbc, tm, new ActiveStops(jdbc));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void twoRegisteredLocationsInOneRegion() {
        vr = unique("VR");
        roaz = unique("ROAZ");
        org = unique("ORG");
        loc = unique("LOC");
        otherLoc = unique("LOC");
        project(Fixtures.publish(Fixtures.location(loc, org, roaz, vr)),
                Fixtures.publish(Fixtures.location(otherLoc, unique("ORG"), roaz, vr)));
    }

    private static ProjectionPipeline.Outcome project(Published... records) {
        return db.project(records);
    }

    private static ProjectionPipeline.Outcome project(List<Published> records) {
        return project(records.toArray(new Published[0]));
    }

    private static Published stop(nl.lpz.events.stops.StopEvent e) {
        return StopFixtures.publish(e);
    }

    private RegionalStops view(Instant at) {
        return query.activeStops(vr, at);
    }

    private ActiveStop only(RegionalStops view) {
        assertThat(view.stops()).hasSize(1);
        return view.stops().get(0);
    }

    private List<String> changes() {
        return jdbc.queryForList("""
                select payload->>'change' from region_change where kind = 'stop' and roaz_region_id = ?
                  and payload->>'safetyRegionId' = ? order by seq""", String.class, roaz, vr);
    }

    // ------------------------------------------------------------------------------------------ active view

    @Test
    void givenADeclaredStop_whenTheRegionIsRead_thenItShowsWithItsTimesLocationAndDeclarer() {
        Stop s = Stop.of(vr, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(30)), 90);

        project(stop(s.declared()));

        ActiveStop a = only(view(now));
        assertThat(a.stopId()).isEqualTo(s.stopId());
        assertThat(a.locationId()).isEqualTo(loc);
        assertThat(a.locationName()).isEqualTo("Ziekenhuis " + loc);
        assertThat(a.organisationId()).isEqualTo(org);
        assertThat(a.kind()).isEqualTo("SEH");
        assertThat(a.type()).isEqualTo("UNPLANNED");
        assertThat(a.reason()).isEqualTo("druk op de SEH");
        assertThat(a.startedAt()).isEqualTo(s.startedAt());
        assertThat(a.expectedEnd()).isEqualTo(s.startedAt().plus(Duration.ofMinutes(90)));
        assertThat(a.graceUntil()).isEqualTo(s.startedAt().plus(Duration.ofMinutes(20)));
        assertThat(a.expiresSoon()).isFalse();
        assertThat(a.normTimeMinutes()).isEqualTo(120);
        assertThat(a.declaredBy().subject()).isEqualTo("nurse-1");
        assertThat(a.declaredBy().organisation()).isEqualTo(org);
    }

    @Test
    void givenAStopEndingWithinTenMinutes_whenRead_thenExpiresSoonIsTrueEvenBeforeTheWarningEvent() {
        Stop s = Stop.of(vr, roaz, CareKind.SR, loc, org, now.minus(Duration.ofMinutes(55)), 60);
        project(stop(s.declared()));

        assertThat(only(view(now)).expiresSoon()).isTrue();
        assertThat(only(view(s.expectedEnd().minus(Duration.ofMinutes(10)))).expiresSoon()).isTrue();
        assertThat(only(view(s.expectedEnd().minus(Duration.ofMinutes(10)).minusSeconds(1))).expiresSoon())
                .isFalse();

        project(stop(s.warned()));
        assertThat(only(view(now)).expiresSoon()).isTrue();
        assertThat(changes()).containsExactly("DECLARED", "EXPIRY_WARNING");
    }

    @Test
    void givenAStopWhoseExpectedEndPassed_whenItsExpiryHasNotArrivedYet_thenItIsNoLongerShown() {
        Stop s = Stop.of(vr, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(61)), 60);
        project(stop(s.declared()));

        assertThat(view(now).stops()).isEmpty();
        assertThat(view(s.expectedEnd().minusSeconds(1)).stops()).hasSize(1);
    }

    @Test
    void givenAnExtendedStop_whenRead_thenTheNewEndCountsAndTheWarningNoLongerApplies() {
        Stop s = Stop.of(vr, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(55)), 60);
        project(stop(s.declared()), stop(s.warned()));

        project(stop(s.extended(120, now)));

        ActiveStop a = only(view(now));
        assertThat(a.expectedEnd()).isEqualTo(s.startedAt().plus(Duration.ofMinutes(120)));
        assertThat(a.expectedDurationMinutes()).isEqualTo(120);
        assertThat(a.expiresSoon()).isFalse();
        assertThat(a.extensions()).isEqualTo(1);
        assertThat(a.mkaContacted()).isTrue();
        assertThat(changes()).containsExactly("DECLARED", "EXPIRY_WARNING", "EXTENDED");
    }

    @Test
    void givenStopsEndedByTheHospitalByExpiryAndByALapse_whenRead_thenNoneIsShownAndEachEndIsStreamed() {
        Stop ended = Stop.of(vr, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(10)), 60);
        Stop expired = Stop.of(vr, roaz, CareKind.CTT, loc, org, now.minus(Duration.ofMinutes(10)), 60);
        Stop lapsed = Stop.of(vr, roaz, CareKind.PCI, otherLoc, "ORG-x", now.minus(Duration.ofMinutes(10)), 60);
        project(stop(ended.declared()), stop(expired.declared()), stop(lapsed.declared()));
        assertThat(view(now).stops()).hasSize(3);

        project(stop(ended.ended(now)), stop(expired.expired()), stop(StopFixtures.lapse(vr, CareKind.PCI, now, lapsed)));

        assertThat(view(now).stops()).isEmpty();
        assertThat(jdbc.queryForList("select end_kind from stop where safety_region_id = ? order by kind",
                String.class, vr)).containsExactlyInAnyOrder("ENDED", "EXPIRED", "LAPSED");
        assertThat(changes()).containsExactly("DECLARED", "DECLARED", "DECLARED", "ENDED", "EXPIRED", "LAPSED");
        assertThat(jdbc.queryForObject("""
                        select roaz_region_id from region_change
                        where kind = 'stop' and payload->>'stopId' = ? and payload->>'change' = 'LAPSED'""",
                String.class, lapsed.stopId())).isEqualTo(roaz);
    }

    @Test
    void givenAStreamedChange_whenItsPayloadIsRead_thenItCarriesStopVrLocationKindChangeExpectedEndAndChangedAt() {
        Stop s = Stop.of(vr, roaz, CareKind.EHH, loc, org, now.minus(Duration.ofMinutes(5)), 60);

        project(stop(s.declared()));

        String payload = jdbc.queryForObject("""
                select payload::text from region_change where kind = 'stop' and payload->>'stopId' = ?""",
                String.class, s.stopId());
        assertThat(payload).isEqualTo("{\"stopId\":\"" + s.stopId() + "\",\"safetyRegionId\":\"" + vr
                + "\",\"locationId\":\"" + loc + "\",\"kind\":\"EHH\",\"change\":\"DECLARED\",\"expectedEnd\":\""
                + s.expectedEnd() + "\",\"changedAt\":\"" + s.startedAt() + "\"}");
        assertThat(jdbc.queryForObject("""
                        select restricted_to_organisation is null from region_change
                        where kind = 'stop' and payload->>'stopId' = ?""", Boolean.class, s.stopId())).isTrue();
    }

    @Test
    void givenAnAnnouncement_whenRead_thenItShowsUntilAStopIsDeclaredForIt() {
        Announcement a = Announcement.of(vr, CareKind.CTT, loc, org, now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(3)));
        project(stop(a.announced(now)));

        RegionalStops v = view(now);
        assertThat(v.announcements()).singleElement().satisfies(x -> {
            assertThat(x.announcementId()).isEqualTo(a.announcementId());
            assertThat(x.locationId()).isEqualTo(loc);
            assertThat(x.locationName()).isEqualTo("Ziekenhuis " + loc);
            assertThat(x.kind()).isEqualTo("CTT");
            assertThat(x.plannedStart()).isEqualTo(a.plannedStart());
            assertThat(x.plannedEnd()).isEqualTo(a.plannedEnd());
            assertThat(x.reason()).isEqualTo("onderhoud CT");
        });

        project(stop(a.reminder()));
        assertThat(view(now).announcements()).hasSize(1);
        Stop planned = Stop.of(vr, roaz, CareKind.CTT, loc, org, a.plannedStart(), 120);
        project(stop(planned.declared(StopType.PLANNED, a.announcementId())));

        assertThat(view(a.plannedStart().plusSeconds(60)).announcements()).isEmpty();
        assertThat(only(view(a.plannedStart().plusSeconds(60))).type()).isEqualTo("PLANNED");
        assertThat(changes()).containsExactly("ANNOUNCED", "DECLARED");
    }

    @Test
    void givenAnAnnouncementThatLapsed_whenRead_thenItIsGone() {
        Announcement a = Announcement.of(vr, CareKind.CTT, loc, org, now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(3)));
        project(stop(a.announced(now)));

        project(stop(a.lapsed()));

        assertThat(view(now).announcements()).isEmpty();
        assertThat(changes()).containsExactly("ANNOUNCED", "ANNOUNCEMENT_LAPSED");
    }

    @Test
    void givenTheSameStopEventsTwice_whenProjected_thenTheyCountOnce() {
        Stop s = Stop.of(vr, roaz, CareKind.SEH, loc, org, now.minus(Duration.ofMinutes(5)), 60);
        Published declared = stop(s.declared());
        Published extended = stop(s.extended(90, now));
        project(declared, extended);

        ProjectionPipeline.Outcome again = project(declared, extended);

        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(only(view(now)).extensions()).isEqualTo(1);
        assertThat(changes()).containsExactly("DECLARED", "EXTENDED");
        assertThat(jdbc.queryForObject("select count(*) from stop_event where safety_region_id = ?", Long.class, vr))
                .isEqualTo(2L);
    }

    @Test
    void givenAStopEventWithoutItsStopId_whenConsumed_thenItIsRejectedAsIncompleteAndStored() {
        Published incomplete = new Published(Topics.STOPS, vr, "StopEnded", UUID.randomUUID().toString(),
                ("{\"safetyRegionId\":\"" + vr + "\",\"kind\":\"SEH\",\"locationId\":\"" + loc
                        + "\",\"organisationId\":\"" + org + "\",\"endedAt\":\"" + now + "\"}")
                        .getBytes(StandardCharsets.UTF_8));

        ProjectionPipeline.Outcome outcome = project(incomplete);

        assertThat(outcome.rejected()).singleElement().satisfies(r -> assertThat(r.detail()).contains("stopId"));
        assertThat(jdbc.queryForObject("select reason from parked_record where event_id = ?", String.class,
                incomplete.eventId())).isEqualTo("INCOMPLETE");
    }

    // ------------------------------------------------------------------------------------------ as of an instant

    private RegionalStops asOf(Instant at) {
        return query.stopsAsOf(vr, at);
    }

    @Test
    void givenAStopDeclaredExtendedAndEnded_whenReadAsOfInstants_thenItShowsAsItStoodThen() {
        Instant start = now.minus(Duration.ofHours(3));
        Stop s = Stop.of(vr, roaz, CareKind.SEH, loc, org, start, 60);
        project(stop(s.declared()), stop(s.extended(150, start.plus(Duration.ofMinutes(30)))),
                stop(s.withMinutes(150).ended(start.plus(Duration.ofMinutes(100)))));

        assertThat(asOf(start.minusSeconds(1)).stops()).isEmpty();

        RegionalStops atStart = asOf(start);
        assertThat(atStart.asOf()).isEqualTo(start);
        ActiveStop declared = only(atStart);
        assertThat(declared.stopId()).isEqualTo(s.stopId());
        assertThat(declared.locationName()).isEqualTo("Ziekenhuis " + loc);
        assertThat(declared.expectedEnd()).isEqualTo(start.plus(Duration.ofMinutes(60)));
        assertThat(declared.expectedDurationMinutes()).isEqualTo(60);
        assertThat(declared.extensions()).isZero();
        assertThat(declared.mkaContacted()).isFalse();
        assertThat(declared.expiresSoon()).isFalse();
        assertThat(declared.graceUntil()).isEqualTo(start.plus(Duration.ofMinutes(20)));

        ActiveStop beforeExtension = only(asOf(start.plus(Duration.ofMinutes(29))));
        assertThat(beforeExtension.expectedEnd()).isEqualTo(start.plus(Duration.ofMinutes(60)));

        ActiveStop extended = only(asOf(start.plus(Duration.ofMinutes(30))));
        assertThat(extended.expectedEnd()).isEqualTo(start.plus(Duration.ofMinutes(150)));
        assertThat(extended.expectedDurationMinutes()).isEqualTo(150);
        assertThat(extended.extensions()).isEqualTo(1);
        assertThat(extended.mkaContacted()).isTrue();
        assertThat(extended.expiresSoon()).isFalse();

        // past the declared end (60 min) but within the extended one
        assertThat(only(asOf(start.plus(Duration.ofMinutes(99)))).expectedEnd())
                .isEqualTo(start.plus(Duration.ofMinutes(150)));
        assertThat(asOf(start.plus(Duration.ofMinutes(100))).stops()).isEmpty();
        assertThat(asOf(now).stops()).isEmpty();
        assertThat(view(now).stops()).isEmpty();
    }

    @Test
    void givenAStopThatExpired_whenReadAsOfInstants_thenExpiresSoonIsRelativeToTheInstantAndItIsGoneAtItsEnd() {
        Instant start = now.minus(Duration.ofHours(2));
        Stop s = Stop.of(vr, roaz, CareKind.SR, loc, org, start, 60);
        project(stop(s.declared()), stop(s.warned()), stop(s.expired()));

        assertThat(only(asOf(start.plus(Duration.ofMinutes(49)))).expiresSoon()).isFalse();
        assertThat(only(asOf(start.plus(Duration.ofMinutes(50)))).expiresSoon()).isTrue();
        assertThat(only(asOf(start.plus(Duration.ofMinutes(59)))).expiresSoon()).isTrue();
        assertThat(asOf(start.plus(Duration.ofMinutes(60))).stops()).isEmpty();
        assertThat(asOf(now).stops()).isEmpty();
    }

    @Test
    void givenAStopPastItsEndWithoutExpiryAndALapsedStop_whenReadAsOf_thenEachLeavesAtItsOwnEnd() {
        Instant start = now.minus(Duration.ofHours(2));
        Stop noExpiryEvent = Stop.of(vr, roaz, CareKind.CCU, loc, org, start, 30);
        Stop lapsed = Stop.of(vr, roaz, CareKind.SEH, otherLoc, org, start, 120);
        project(stop(noExpiryEvent.declared()), stop(lapsed.declared()),
                stop(StopFixtures.lapse(vr, CareKind.SEH, start.plus(Duration.ofMinutes(45)), lapsed)));

        assertThat(asOf(start.plus(Duration.ofMinutes(10))).stops()).extracting(ActiveStop::stopId)
                .containsExactlyInAnyOrder(noExpiryEvent.stopId(), lapsed.stopId());
        assertThat(asOf(start.plus(Duration.ofMinutes(30))).stops()).extracting(ActiveStop::stopId)
                .containsExactly(lapsed.stopId());
        assertThat(asOf(start.plus(Duration.ofMinutes(45))).stops()).isEmpty();
    }

    @Test
    void givenAnAnnouncementLaterDeclared_whenReadAsOf_thenItIsOpenOnlyBetweenAnnouncementAndDeclaration() {
        Instant announcedAt = now.minus(Duration.ofHours(3));
        Instant plannedStart = now.minus(Duration.ofHours(1));
        Announcement a = Announcement.of(vr, CareKind.CTT, loc, org, plannedStart, now.plus(Duration.ofHours(1)));
        Stop s = Stop.of(vr, roaz, CareKind.CTT, loc, org, plannedStart, 120);
        Announcement other = Announcement.of(vr, CareKind.PCI, otherLoc, org, now.minus(Duration.ofMinutes(150)),
                now.minus(Duration.ofMinutes(90)));
        project(stop(a.announced(announcedAt)), stop(s.declared(StopType.PLANNED, a.announcementId())),
                stop(other.announced(announcedAt)), stop(other.lapsed()));

        assertThat(asOf(announcedAt.minusSeconds(1)).announcements()).isEmpty();
        assertThat(asOf(announcedAt.plusSeconds(60)).announcements()).extracting(RegionalStops.Announcement::announcementId)
                .containsExactly(other.announcementId(), a.announcementId());
        assertThat(asOf(now.minus(Duration.ofMinutes(80))).announcements())
                .extracting(RegionalStops.Announcement::announcementId).containsExactly(a.announcementId());
        RegionalStops declared = asOf(plannedStart);
        assertThat(declared.announcements()).isEmpty();
        assertThat(only(declared).announcementId()).isEqualTo(a.announcementId());
    }

    // ------------------------------------------------------------------------------------------ statistics

    private StopStatistics.Row row(StopStatistics stats, String kind) {
        return stats.statistics().stream().filter(r -> r.safetyRegionId().equals(vr) && r.kind().equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + vr + "/" + kind + " in " + stats));
    }

    private static Instant amsterdam(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(StopQuery.STATISTICS_ZONE).toInstant();
    }

    @Test
    void givenEndedStops_whenStatisticsAreAsked_thenNumberTotalMeanAndPastNormFollowTheActualDurations() {
        // SEH norm 120 min: 30 min (ended early), 150 min (extended, expired: past the norm), 60 min (lapsed)
        Stop early = Stop.of(vr, roaz, CareKind.SEH, loc, org, amsterdam("2025-03-10T08:00:00"), 60);
        Stop longer = Stop.of(vr, roaz, CareKind.SEH, otherLoc, "ORG-y", amsterdam("2025-03-11T08:00:00"), 120);
        Stop lapsed = Stop.of(vr, roaz, CareKind.SEH, loc, org, amsterdam("2025-03-12T08:00:00"), 120);
        project(StopFixtures.all(early.declared(), early.ended(early.startedAt().plus(Duration.ofMinutes(30))),
                longer.declared(), longer.extended(150, longer.startedAt().plus(Duration.ofMinutes(100))),
                longer.withMinutes(150).expired(),
                lapsed.declared(), StopFixtures.lapse(vr, CareKind.SEH, lapsed.startedAt().plus(Duration.ofMinutes(60)),
                        lapsed)));

        StopStatistics stats = query.statistics(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"),
                Set.of(vr));

        StopStatistics.Row seh = row(stats, "SEH");
        assertThat(seh.stops()).isEqualTo(3);
        assertThat(seh.ended()).isEqualTo(3);
        assertThat(seh.ongoing()).isZero();
        assertThat(seh.totalDurationMinutes()).isEqualTo(30 + 150 + 60);
        assertThat(seh.meanDurationMinutes()).isEqualTo(80.0);
        assertThat(seh.pastNormTime()).isEqualTo(1);
        assertThat(seh.lapses()).isEqualTo(1);
        assertThat(seh.lapsedStops()).isEqualTo(1);
        assertThat(seh.refusedLastInRegion()).isZero();
        assertThat(stats.from()).isEqualTo("2025-03-01");
        assertThat(stats.timeZone()).isEqualTo("Europe/Amsterdam");
    }

    @Test
    void givenPresentatiestops_whenStatisticsAreAsked_thenTheyArePerKindAndPastTheirOwnFourHourNorm() {
        // VERLOSKUNDE norm 240 min (StopDeclared carries it): 180 min is within it, 300 min past it, where an SEH
        // stop of 180 min is past its 120
        Stop within = Stop.of(vr, roaz, CareKind.VERLOSKUNDE, loc, org, amsterdam("2025-07-01T02:00:00"), 180);
        Stop past = Stop.of(vr, roaz, CareKind.VERLOSKUNDE, otherLoc, "ORG-v", amsterdam("2025-07-02T02:00:00"), 300);
        Stop lapsed = Stop.of(vr, roaz, CareKind.VERLOSKUNDE, loc, org, amsterdam("2025-07-02T03:30:00"), 240);
        Stop seh = Stop.of(vr, roaz, CareKind.SEH, loc, org, amsterdam("2025-07-01T02:00:00"), 180);
        project(StopFixtures.all(within.declared(), within.expired(), past.declared(), past.expired(),
                seh.declared(), seh.expired(),
                StopFixtures.refused(vr, CareKind.VERLOSKUNDE, loc, org, amsterdam("2025-07-02T03:00:00")),
                lapsed.declared(),
                StopFixtures.lapse(vr, CareKind.VERLOSKUNDE, amsterdam("2025-07-02T04:00:00"), lapsed)));

        StopStatistics stats = query.statistics(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-07-02"),
                Set.of(vr));

        StopStatistics.Row verloskunde = row(stats, "VERLOSKUNDE");
        assertThat(verloskunde.stops()).isEqualTo(3);
        assertThat(verloskunde.totalDurationMinutes()).isEqualTo(180 + 300 + 30);
        assertThat(verloskunde.pastNormTime()).isEqualTo(1);
        assertThat(verloskunde.refusedLastInRegion()).isEqualTo(1);
        assertThat(verloskunde.lapses()).isEqualTo(1);
        assertThat(verloskunde.lapsedStops()).isEqualTo(1);
        assertThat(row(stats, "SEH").pastNormTime()).isEqualTo(1);
        assertThat(stats.statistics().stream().filter(r -> r.safetyRegionId().equals(vr)).map(r -> r.kind()))
                .as("kinds in CareKind's order").containsExactly("SEH", "VERLOSKUNDE");
    }

    @Test
    void givenAStopStillRunning_whenStatisticsAreAsked_thenItCountsAsAStopButNotInTheDurations() {
        Stop running = Stop.of(vr, roaz, CareKind.CCU, loc, org, amsterdam("2025-04-02T10:00:00"), 60);
        Stop done = Stop.of(vr, roaz, CareKind.CCU, otherLoc, "ORG-z", amsterdam("2025-04-02T11:00:00"), 45);
        project(StopFixtures.all(running.declared(), done.declared(), done.expired()));

        StopStatistics.Row ccu = row(query.statistics(LocalDate.parse("2025-04-02"), LocalDate.parse("2025-04-02"),
                Set.of(vr)), "CCU");

        assertThat(ccu.stops()).isEqualTo(2);
        assertThat(ccu.ended()).isEqualTo(1);
        assertThat(ccu.ongoing()).isEqualTo(1);
        assertThat(ccu.totalDurationMinutes()).isEqualTo(45);
        assertThat(ccu.meanDurationMinutes()).isEqualTo(45.0);
        assertThat(ccu.pastNormTime()).isZero();
    }

    @Test
    void givenStopsAroundMidnight_whenADayIsAsked_thenAmsterdamDaysAndTheStartDecide() {
        // 00:30 Amsterdam on 1 Jan 2025 is 23:30 UTC on 31 Dec 2024; a stop of 31 Dec running into 1 Jan is of 31 Dec
        Stop newYear = Stop.of(vr, roaz, CareKind.SEH, loc, org, amsterdam("2025-01-01T00:30:00"), 60);
        Stop oldYear = Stop.of(vr, roaz, CareKind.SEH, otherLoc, "ORG-q", amsterdam("2024-12-31T23:50:00"), 60);
        project(StopFixtures.all(newYear.declared(), newYear.expired(), oldYear.declared(), oldYear.expired()));

        StopStatistics jan1 = query.statistics(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-01"),
                Set.of(vr));
        StopStatistics dec31 = query.statistics(LocalDate.parse("2024-12-31"), LocalDate.parse("2024-12-31"),
                Set.of(vr));

        assertThat(row(jan1, "SEH").stops()).isEqualTo(1);
        assertThat(row(dec31, "SEH").stops()).isEqualTo(1);
        assertThat(row(query.statistics(LocalDate.parse("2024-12-31"), LocalDate.parse("2025-01-01"), Set.of(vr)),
                "SEH").stops()).isEqualTo(2);
    }

    @Test
    void givenRefusalsAndLapses_whenStatisticsAreAsked_thenTheyCountByWhenTheyHappenedPerKind() {
        Stop a = Stop.of(vr, roaz, CareKind.SR, loc, org, amsterdam("2025-05-01T09:00:00"), 60);
        project(StopFixtures.all(a.declared(),
                StopFixtures.refused(vr, CareKind.SR, otherLoc, "ORG-r", amsterdam("2025-05-01T09:10:00")),
                StopFixtures.refused(vr, CareKind.SR, otherLoc, "ORG-r", amsterdam("2025-05-01T09:20:00")),
                StopFixtures.refused(vr, CareKind.PCI, otherLoc, "ORG-r", amsterdam("2025-05-03T09:20:00")),
                StopFixtures.lapse(vr, CareKind.SR, amsterdam("2025-05-01T09:30:00"), a)));

        StopStatistics stats = query.statistics(LocalDate.parse("2025-05-01"), LocalDate.parse("2025-05-02"),
                Set.of(vr));

        assertThat(row(stats, "SR").refusedLastInRegion()).isEqualTo(2);
        assertThat(row(stats, "SR").lapses()).isEqualTo(1);
        assertThat(row(stats, "SR").totalDurationMinutes()).isEqualTo(30);
        assertThat(stats.statistics()).noneMatch(r -> r.safetyRegionId().equals(vr) && r.kind().equals("PCI"));
        assertThat(row(query.statistics(LocalDate.parse("2025-05-03"), LocalDate.parse("2025-05-03"), Set.of(vr)),
                "PCI").refusedLastInRegion()).isEqualTo(1);
    }

    @Test
    void givenStopsInTwoRegions_whenTheScopeIsOneRegion_thenOnlyItsRowsAreAnswered() {
        String otherVr = unique("VR");
        Stop mine = Stop.of(vr, roaz, CareKind.SEH, loc, org, amsterdam("2025-06-01T09:00:00"), 60);
        Stop theirs = Stop.of(otherVr, unique("ROAZ"), CareKind.SEH, unique("LOC"), "ORG-t",
                amsterdam("2025-06-01T09:00:00"), 60);
        project(StopFixtures.all(mine.declared(), theirs.declared()));

        StopStatistics scoped = query.statistics(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-01"),
                Set.of(vr));
        StopStatistics all = query.statistics(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-01"), null);

        assertThat(scoped.statistics()).extracting(StopStatistics.Row::safetyRegionId).containsOnly(vr);
        assertThat(all.statistics()).extracting(StopStatistics.Row::safetyRegionId).contains(vr, otherVr);
        assertThat(query.statistics(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-01"), Set.of())
                .statistics()).isEmpty();
    }

    @Test
    void givenAVrOfARoazRegion_whenItsVrsAreAsked_thenTheLocationTableTellsThem() {
        assertThat(new Locations(jdbc).safetyRegionsOf(roaz)).containsExactly(vr);
    }
}
