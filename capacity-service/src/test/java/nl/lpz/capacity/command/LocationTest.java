package nl.lpz.capacity.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.BedChangeSource;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.SnijdendBeschouwend;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationTest {
    static final LocationId LOC = LocationId.of("100101");
    static final OrganisationId ORG = OrganisationId.of("100101");
    static final DepartmentId DEPT = DepartmentId.of("IC-1");
    static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant HORIZON = new ReceiptSettings(null).backfillHorizon(NOW);
    static final Actor ADMIN = new Actor("admin", null);
    static final BedLabels IC = new BedLabels("IC_BEADEMD", "CARDIOLOGIE", SnijdendBeschouwend.BESCHOUWEND, true);

    private AggregateTestFixture<Location> fixture;
    private InMemoryEventReceipts receipts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Location.class);
        receipts = new InMemoryEventReceipts();
        fixture.registerInjectableResource(receipts);
    }

    static LocationRegistered registered() {
        return new LocationRegistered(LOC, ORG, "AMC", RoazRegionId.of("ROAZ-NHF"), SafetyRegionId.of("VR13"),
                Set.of(CareKind.SEH), "Academisch ziekenhuis", 52.3, 4.9, T0, ADMIN);
    }

    static RegisterLocation register(String name) {
        return new RegisterLocation(LOC, ORG, name, RoazRegionId.of("ROAZ-NHF"), SafetyRegionId.of("VR13"),
                Set.of(CareKind.SEH), "Academisch ziekenhuis", 52.3, 4.9, T0, ADMIN);
    }

    static BedReport report(UUID id, String bed, BedStatus status, Instant at) {
        return new BedReport(id, DEPT, BedId.of(bed), status, IC, status == BedStatus.OCCUPIED
                ? PatientCovidStatus.COVID : null, at);
    }

    static BedStatusChanged changed(BedReport r, boolean stale) {
        return new BedStatusChanged(LOC, ORG, r.departmentId(), r.bedId(), r.status(), r.labels(),
                r.patientCovidStatus(), r.occurredAt(), stale, BedChangeSource.EPD_EVENT, r.eventId(), "1");
    }

    @Test
    void givenNothing_whenRegisterLocation_thenLocationRegisteredAndCreated() {
        fixture.givenNoPriorActivity()
                .when(register("AMC"))
                .expectEvents(registered())
                .expectResultMessagePayload(RegistrationOutcome.CREATED);
    }

    @Test
    void givenRegistered_whenRegisterSameAgain_thenNoEventAndUnchanged() {
        fixture.given(registered())
                .when(register("AMC"))
                .expectNoEvents()
                .expectResultMessagePayload(RegistrationOutcome.UNCHANGED);
    }

    @Test
    void givenRegistered_whenRegisterWithNewName_thenLocationRegisteredAndUpdated() {
        fixture.given(registered())
                .when(register("Amsterdam UMC"))
                .expectEvents(new LocationRegistered(LOC, ORG, "Amsterdam UMC", RoazRegionId.of("ROAZ-NHF"),
                        SafetyRegionId.of("VR13"), Set.of(CareKind.SEH), "Academisch ziekenhuis", 52.3, 4.9, T0,
                        ADMIN))
                .expectResultMessagePayload(RegistrationOutcome.UPDATED);
    }

    @Test
    void givenRegistered_whenBedReported_thenBedStatusChangedAndAccepted() {
        BedReport r = report(UUID.randomUUID(), "B1", BedStatus.OCCUPIED, T0.plusSeconds(60));
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(r), NOW, HORIZON))
                .expectEvents(changed(r, false))
                .expectResultMessagePayloadMatching(resultWith(Kind.ACCEPTED));
    }

    @Test
    void givenRegistered_whenReservedAndBlockedReported_thenStatusIsCarried() {
        BedReport reserved = report(UUID.randomUUID(), "B1", BedStatus.RESERVED, T0.plusSeconds(60));
        BedReport blocked = report(UUID.randomUUID(), "B2", BedStatus.BLOCKED, T0.plusSeconds(60));
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(reserved, blocked), NOW, HORIZON))
                .expectEvents(changed(reserved, false), changed(blocked, false));
    }

    @Test
    void givenBedReportedLater_whenOlderReport_thenStaleEventAndCurrentStateKept() {
        BedReport newer = report(UUID.randomUUID(), "B1", BedStatus.OCCUPIED, T0.plusSeconds(600));
        BedReport older = report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE, T0.plusSeconds(60));
        BedReport after = report(UUID.randomUUID(), "B1", BedStatus.OCCUPIED, T0.plusSeconds(900));
        fixture.given(registered(), changed(newer, false))
                .when(new ReportBeds(LOC, List.of(older), NOW, HORIZON))
                .expectEvents(changed(older, true))
                .expectResultMessagePayloadMatching(resultWith(Kind.STALE));
        // the stale report left the state at the newer one: an even newer report is not stale
        fixture.given(registered(), changed(newer, false), changed(older, true))
                .when(new ReportBeds(LOC, List.of(after), NOW, HORIZON))
                .expectEvents(changed(after, false));
    }

    @Test
    void givenReceiptExists_whenSameEventIdAgain_thenDuplicateAndNoEvent() {
        UUID id = UUID.randomUUID();
        BedReport r = report(id, "B1", BedStatus.AVAILABLE, T0);
        receipts.receivedBefore(ORG, id, r.payloadHash(LOC), T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(r), NOW, HORIZON))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(resultWith(Kind.DUPLICATE));
    }

    @Test
    void givenRegistered_whenSameEventIdTwiceInOneBatch_thenOneChangeAndOneDuplicate() {
        UUID id = UUID.randomUUID();
        BedReport r = report(id, "B1", BedStatus.AVAILABLE, T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(r, r), NOW, HORIZON))
                .expectEvents(changed(r, false))
                .expectResultMessagePayloadMatching(resultWith(Kind.ACCEPTED, Kind.DUPLICATE));
    }

    @Test
    void givenRegistered_whenUnknownLabelElement_thenRejectedWithoutEventOrReceipt() {
        UUID id = UUID.randomUUID();
        BedReport bad = new BedReport(id, DEPT, BedId.of("B1"), BedStatus.AVAILABLE,
                new BedLabels("NO_SUCH_ELEMENT", null, null, false), null, T0);
        BedReport badSpecialisme = new BedReport(UUID.randomUUID(), DEPT, BedId.of("B2"), BedStatus.AVAILABLE,
                new BedLabels("IC_BEADEMD", "NO_SUCH_SPECIALISME", null, false), null, T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(bad, badSpecialisme), NOW, HORIZON))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.UNKNOWN_LABEL_ELEMENT));
        assertThat(receipts.holds(ORG, id)).isFalse();
    }

    @Test
    void givenRegistered_whenOccurredMoreThanFiveMinutesAhead_thenRejectedOccurredInFuture() {
        BedReport future = report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE, NOW.plusSeconds(301));
        BedReport almost = report(UUID.randomUUID(), "B2", BedStatus.AVAILABLE, NOW.plusSeconds(299));
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(future, almost), NOW, HORIZON))
                .expectEvents(changed(almost, false))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<ReportResult>(
                        "first rejected OCCURRED_IN_FUTURE, second accepted") {
                    @Override
                    protected boolean matchesSafely(ReportResult r) {
                        return CommandRejected.OCCURRED_IN_FUTURE.equals(r.outcomes().get(0).code())
                                && r.outcomes().get(1).kind() == Kind.ACCEPTED;
                    }
                });
    }

    @Test
    void givenNothing_whenBedReported_thenUnknownLocation() {
        fixture.givenNoPriorActivity()
                .when(new ReportBeds(LOC, List.of(report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE, T0)), NOW,
                        HORIZON))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void givenTwoBeds_whenSnapshotListsOneChanged_thenChangeBySnapshotAndAbsentBedRemoved() {
        BedReport b1 = report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE, T0);
        BedReport b2 = report(UUID.randomUUID(), "B2", BedStatus.AVAILABLE, T0);
        Instant asOf = T0.plusSeconds(3600);
        BedSnapshotEntry b1Occupied = new BedSnapshotEntry(DEPT, BedId.of("B1"), BedStatus.OCCUPIED, IC,
                PatientCovidStatus.NON_COVID, T0.plusSeconds(1800));
        fixture.given(registered(), changed(b1, false), changed(b2, false))
                .when(new ResyncBeds(LOC, asOf, List.of(b1Occupied), NOW, HORIZON))
                .expectEvents(new BedStatusChanged(LOC, ORG, DEPT, BedId.of("B1"), BedStatus.OCCUPIED, IC,
                                PatientCovidStatus.NON_COVID, T0.plusSeconds(1800), false, BedChangeSource.SNAPSHOT,
                                null, "1"),
                        new BedRemoved(LOC, ORG, DEPT, BedId.of("B2"), asOf))
                .expectResultMessagePayload(new ResyncResult(1, 1, 0, 0));
    }

    @Test
    void givenBedReportedAfterSnapshotInstant_whenSnapshotOmitsOrChangesIt_thenBedKept() {
        BedReport newer = report(UUID.randomUUID(), "B1", BedStatus.OCCUPIED, T0.plusSeconds(7200));
        BedReport same = report(UUID.randomUUID(), "B2", BedStatus.AVAILABLE, T0);
        BedSnapshotEntry b2 = new BedSnapshotEntry(DEPT, BedId.of("B2"), BedStatus.AVAILABLE, IC, null, T0);
        fixture.given(registered(), changed(newer, false), changed(same, false))
                .when(new ResyncBeds(LOC, T0.plusSeconds(3600), List.of(b2), NOW, HORIZON))
                .expectNoEvents()
                .expectResultMessagePayload(new ResyncResult(0, 0, 1, 0));
    }

    @Test
    void givenRegistered_whenSnapshotWithUnknownElement_thenRejectedWholly() {
        BedSnapshotEntry bad = new BedSnapshotEntry(DEPT, BedId.of("B1"), BedStatus.AVAILABLE,
                new BedLabels("NOPE", null, null, false), null, T0);
        fixture.given(registered())
                .when(new ResyncBeds(LOC, T0, List.of(bad), NOW, HORIZON))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("NOPE"));
    }

    @Test
    void givenRegistered_whenThresholdsSet_thenThresholdsSetAndSameAgainIsNoChange() {
        Actor nurse = new Actor("coordinator", "100101");
        List<Threshold> thresholds = List.of(new Threshold("IC_BEADEMD", 1));
        fixture.given(registered())
                .when(new SetThresholds(LOC, thresholds, NOW, nurse))
                .expectEvents(new ThresholdsSet(LOC, ORG, thresholds, NOW, nurse))
                .expectResultMessagePayload(true);
        fixture.given(registered(), new ThresholdsSet(LOC, ORG, thresholds, NOW, nurse))
                .when(new SetThresholds(LOC, thresholds, NOW, nurse))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void givenRegistered_whenThresholdForUnknownElement_thenUnknownLabelElement() {
        fixture.given(registered())
                .when(new SetThresholds(LOC, List.of(new Threshold("NOPE", 1)), NOW, ADMIN))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void givenRegistered_whenContactsUpdated_thenContactsUpdated() {
        Actor nurse = new Actor("coordinator", "100101");
        List<Contact> seh = List.of(new Contact("Dr. A", "+31 20 000 0000"));
        List<Contact> bed = List.of(new Contact("B. Coordinator", "+31 20 000 0001"));
        fixture.given(registered())
                .when(new UpdateContacts(LOC, seh, bed, NOW, nurse))
                .expectEvents(new ContactsUpdated(LOC, ORG, seh, bed, NOW, nurse));
        fixture.given(registered(), new ContactsUpdated(LOC, ORG, seh, bed, NOW, nurse))
                .when(new UpdateContacts(LOC, seh, bed, NOW, nurse))
                .expectNoEvents();
    }

    @Test
    void givenAnEdOfferedThere_whenItsOpeningHoursAreSet_thenSetOnce_andCareNotOfferedOrOverlapsAreRefused() {
        Actor coordinator = new Actor("coordinator", "100101");
        List<OpeningPeriod> weekdays = List.of(
                new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(22, 0)),
                new OpeningPeriod(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.MIDNIGHT));
        fixture.given(registered())
                .when(new SetOpeningHours(LOC, CareKind.SEH, weekdays, NOW, coordinator))
                .expectEvents(new OpeningHoursSet(LOC, ORG, CareKind.SEH, weekdays, NOW, coordinator))
                .expectResultMessagePayload(true);
        fixture.given(registered(), new OpeningHoursSet(LOC, ORG, CareKind.SEH, weekdays, NOW, coordinator))
                .when(new SetOpeningHours(LOC, CareKind.SEH, List.of(weekdays.get(1), weekdays.get(0)), NOW,
                        coordinator))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered(), new OpeningHoursSet(LOC, ORG, CareKind.SEH, weekdays, NOW, coordinator))
                .when(new SetOpeningHours(LOC, CareKind.SEH, List.of(), NOW, coordinator))
                .expectEvents(new OpeningHoursSet(LOC, ORG, CareKind.SEH, List.of(), NOW, coordinator));
        fixture.given(registered())
                .when(new SetOpeningHours(LOC, CareKind.SEH, List.of(), NOW, coordinator))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(registered())
                .when(new SetOpeningHours(LOC, CareKind.PCI, weekdays, NOW, coordinator))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not offer PCI"));
        fixture.given(registered())
                .when(new SetOpeningHours(LOC, CareKind.SEH, List.of(weekdays.get(0),
                        new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(21, 0), LocalTime.of(23, 0))), NOW,
                        coordinator))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("overlap"));
    }

    @Test
    void givenALocationWithAnEd_whenItsCareProfileIsSet_thenSetOnce_andLevelsWithoutTheirCareAreRefused() {
        Actor coordinator = new Actor("coordinator", "100101");
        CareProfile trauma = new CareProfile(1, true, 3, true, null);
        fixture.given(registered())
                .when(new SetCareProfile(LOC, trauma, NOW, coordinator))
                .expectEvents(new CareProfileSet(LOC, ORG, trauma, NOW, coordinator))
                .expectResultMessagePayload(true);
        fixture.given(registered(), new CareProfileSet(LOC, ORG, trauma, NOW, coordinator))
                .when(new SetCareProfile(LOC, new CareProfile(1, true, 3, true, null), NOW, coordinator))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        // emptying a profile is a change, so a location described once stays described
        fixture.given(registered(), new CareProfileSet(LOC, ORG, trauma, NOW, coordinator))
                .when(new SetCareProfile(LOC, CareProfile.NONE, NOW, coordinator))
                .expectEvents(new CareProfileSet(LOC, ORG, CareProfile.NONE, NOW, coordinator));
        fixture.given(registered())
                .when(new SetCareProfile(LOC, new CareProfile(null, false, null, false, 2), NOW, coordinator))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not offer VERLOSKUNDE"));
        fixture.given(new LocationRegistered(LOC, ORG, "AMC", RoazRegionId.of("ROAZ-NHF"), SafetyRegionId.of("VR13"),
                        Set.of(), "Algemeen ziekenhuis", 52.3, 4.9, T0, ADMIN))
                .when(new SetCareProfile(LOC, new CareProfile(3, false, null, false, null), NOW, coordinator))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("does not offer SEH"));
    }

    @Test
    void givenReceiptWithOtherContent_whenSameEventId_thenRejectedEventIdConflictAndNoEvent() {
        UUID id = UUID.randomUUID();
        BedReport first = report(id, "B1", BedStatus.AVAILABLE, T0);
        BedReport reused = report(id, "B1", BedStatus.OCCUPIED, T0);
        receipts.receivedBefore(ORG, id, first.payloadHash(LOC), T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(reused), NOW, HORIZON))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenReceiptFromBeforeHashesWereKept_whenSameEventIdWithOtherContent_thenDuplicate() {
        UUID id = UUID.randomUUID();
        receipts.receivedBefore(ORG, id, null, T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(report(id, "B1", BedStatus.OCCUPIED, T0)), NOW, HORIZON))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(resultWith(Kind.DUPLICATE));
    }

    @Test
    void givenReceiptOfAnotherOrganisation_whenSameEventId_thenAccepted() {
        UUID id = UUID.randomUUID();
        BedReport r = report(id, "B1", BedStatus.AVAILABLE, T0);
        receipts.receivedBefore(OrganisationId.of("other-org"), id, r.payloadHash(LOC), T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(r), NOW, HORIZON))
                .expectEvents(changed(r, false))
                .expectResultMessagePayloadMatching(resultWith(Kind.ACCEPTED));
        assertThat(receipts.holds(ORG, id)).isTrue();
    }

    @Test
    void givenRegistered_whenSameEventIdTwiceInOneBatchWithOtherContent_thenFirstAcceptedSecondConflict() {
        UUID id = UUID.randomUUID();
        BedReport first = report(id, "B1", BedStatus.AVAILABLE, T0);
        BedReport second = report(id, "B1", BedStatus.OCCUPIED, T0);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(first, second), NOW, HORIZON))
                .expectEvents(changed(first, false))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<ReportResult>(
                        "accepted, then EVENT_ID_CONFLICT") {
                    @Override
                    protected boolean matchesSafely(ReportResult r) {
                        return r.outcomes().get(0).kind() == Kind.ACCEPTED
                                && CommandRejected.EVENT_ID_CONFLICT.equals(r.outcomes().get(1).code());
                    }
                });
    }

    @Test
    void givenSameInstantWithAnotherOffset_whenHashed_thenSamePayload() {
        UUID id = UUID.randomUUID();
        BedReport utc = report(id, "B1", BedStatus.AVAILABLE,
                java.time.OffsetDateTime.parse("2026-11-23T09:15:00Z").toInstant());
        BedReport amsterdam = report(id, "B1", BedStatus.AVAILABLE,
                java.time.OffsetDateTime.parse("2026-11-23T10:15:00+01:00").toInstant());
        assertThat(amsterdam.payloadHash(LOC)).isEqualTo(utc.payloadHash(LOC));
        assertThat(report(id, "B2", BedStatus.AVAILABLE, utc.occurredAt()).payloadHash(LOC))
                .isNotEqualTo(utc.payloadHash(LOC));
        assertThat(utc.payloadHash(LocationId.of("other"))).isNotEqualTo(utc.payloadHash(LOC));
    }

    /** Receipts keep these hashes for 400 days: a changed canonical form would turn every resend into a conflict. */
    @Test
    void givenFixedBedEvents_whenHashed_thenTheHashesStoredReceiptsHold() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        BedReport full = new BedReport(id, DEPT, BedId.of("B1"), BedStatus.OCCUPIED, IC, PatientCovidStatus.COVID,
                Instant.parse("2026-11-23T09:00:00.123456789Z"));
        BedReport bare = new BedReport(id, DEPT, BedId.of("B1"), BedStatus.AVAILABLE,
                new BedLabels("IC_BEADEMD", null, null, false), null, Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(full.payloadHash(LOC)).isEqualTo("e3f4d3e5ae323c2a2cce5d54b4a2c8f58bf33c183403a175fb789f48f1eb525b");
        assertThat(bare.payloadHash(LOC)).isEqualTo("df895fad01dbd87ef81030503bf890ff108f105d2cbd9797e9aa25785f3a1cc2");
    }

    @Test
    void givenRegistered_whenOccurredBeforeHorizonOrPlatformEpoch_thenRejectedOccurredTooEarlyWithoutReceipt() {
        BedReport sentinel = report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE,
                Instant.parse("-999999999-01-01T00:00:00Z"));
        BedReport beforeHorizon = report(UUID.randomUUID(), "B2", BedStatus.AVAILABLE, HORIZON.minusSeconds(1));
        BedReport atHorizon = report(UUID.randomUUID(), "B3", BedStatus.AVAILABLE, HORIZON);
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(sentinel, beforeHorizon, atHorizon), NOW, HORIZON))
                .expectEvents(changed(atHorizon, false))
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<ReportResult>(
                        "two OCCURRED_TOO_EARLY, then accepted") {
                    @Override
                    protected boolean matchesSafely(ReportResult r) {
                        return CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(0).code())
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(r.outcomes().get(1).code())
                                && r.outcomes().get(2).kind() == Kind.ACCEPTED;
                    }
                });
        assertThat(receipts.holds(ORG, sentinel.eventId())).isFalse();
        assertThat(receipts.holds(ORG, beforeHorizon.eventId())).isFalse();
    }

    @Test
    void givenHorizonBeforePlatformEpoch_whenOccurredIn1999_thenStillOccurredTooEarly() {
        BedReport r1999 = report(UUID.randomUUID(), "B1", BedStatus.AVAILABLE, Instant.parse("1999-12-31T23:59:59Z"));
        fixture.given(registered())
                .when(new ReportBeds(LOC, List.of(r1999), NOW, Instant.parse("1990-01-01T00:00:00Z")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejectedWith(CommandRejected.OCCURRED_TOO_EARLY));
    }

    @Test
    void givenRegistered_whenSnapshotAsOfOrEntryBeforeHorizon_thenRejectedOccurredTooEarly() {
        BedSnapshotEntry old = new BedSnapshotEntry(DEPT, BedId.of("B1"), BedStatus.AVAILABLE, IC, null,
                HORIZON.minusSeconds(1));
        fixture.given(registered())
                .when(new ResyncBeds(LOC, Instant.parse("-999999999-01-01T00:00:00Z"), List.of(), NOW, HORIZON))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.OCCURRED_TOO_EARLY));
        fixture.given(registered())
                .when(new ResyncBeds(LOC, T0, List.of(old), NOW, HORIZON))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.OCCURRED_TOO_EARLY));
    }

    @Test
    void givenRegistered_whenThresholdElementHoldsControlCharacter_thenInvalidFieldAndNoEvent() {
        fixture.given(registered())
                .when(new SetThresholds(LOC, List.of(new Threshold("IC_BEADEMD\u0000", 1)), NOW, ADMIN))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.INVALID_FIELD));
    }

    @Test
    void givenRegistered_whenContactHoldsLoneSurrogateOrOverlongText_thenInvalidFieldAndNoEvent() {
        fixture.given(registered())
                .when(new UpdateContacts(LOC, List.of(new Contact("Dr. \uD800", "+31 20 000 0000")), List.of(), NOW,
                        ADMIN))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.INVALID_FIELD));
        fixture.given(registered())
                .when(new UpdateContacts(LOC, List.of(), List.of(new Contact("B", "1".repeat(10_001))), NOW, ADMIN))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.INVALID_FIELD));
    }

    @Test
    void givenNothing_whenRegisterWithNulInNameOrNonFiniteLatitude_thenInvalidFieldAndNoEvent() {
        fixture.givenNoPriorActivity()
                .when(register("AMC\u0000"))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.INVALID_FIELD));
        fixture.givenNoPriorActivity()
                .when(new RegisterLocation(LOC, ORG, "AMC", RoazRegionId.of("ROAZ-NHF"), SafetyRegionId.of("VR13"),
                        Set.of(CareKind.SEH), "Academisch ziekenhuis", Double.NaN, 4.9, T0, ADMIN))
                .expectNoEvents()
                .expectException(rejected(CommandRejected.INVALID_FIELD));
    }

    private static org.hamcrest.Matcher<CommandRejected> rejected(String code) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("CommandRejected " + code) {
            @Override
            protected boolean matchesSafely(CommandRejected e) {
                return code.equals(e.code());
            }
        };
    }

    private static org.hamcrest.Matcher<ReportResult> resultWith(Kind... kinds) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("outcomes " + List.of(kinds)) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().map(ReportResult.Outcome::kind).toList().equals(List.of(kinds));
            }
        };
    }

    private static org.hamcrest.Matcher<ReportResult> rejectedWith(String code) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("all rejected with " + code) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().allMatch(o -> o.kind() == Kind.REJECTED && code.equals(o.code()));
            }
        };
    }
}
