package nl.lpz.capacity.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.events.capacity.BirthRefusalRecorded;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MidwifePracticeTest {
    static final MidwifePracticeId PRACTICE = MidwifePracticeId.of("VP-Waterland");
    static final OrganisationId ORG = OrganisationId.of("VP-Waterland");
    static final RoazRegionId REGION = RoazRegionId.of("ROAZ-NHF");
    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final Instant HORIZON = new ReceiptSettings(null).backfillHorizon(NOW);

    private AggregateTestFixture<MidwifePractice> fixture;
    private InMemoryEventReceipts receipts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MidwifePractice.class);
        receipts = new InMemoryEventReceipts();
        fixture.registerInjectableResource(receipts);
    }

    static BirthRefusal refusal(Instant at, String takenBy) {
        return new BirthRefusal(UUID.randomUUID(), LocationId.of("100101"), at, RefusalReason.NO_DELIVERY_ROOM,
                takenBy == null ? null : LocationId.of(takenBy));
    }

    static RecordBirthRefusals record(BirthRefusal... refusals) {
        return new RecordBirthRefusals(PRACTICE, REGION, List.of(refusals), NOW, HORIZON);
    }

    static BirthRefusalRecorded recorded(BirthRefusal r) {
        return new BirthRefusalRecorded(ORG, REGION, r.refusedLocationId(), r.occurredAt(), r.reason(),
                r.takenByLocationId(), NOW, r.eventId());
    }

    @Test
    void givenNothing_whenTwoRefusalsRecorded_thenTwoEventsWithTheMidwifesRegionAndReceiptsOfThePractice() {
        BirthRefusal taken = refusal(NOW.minus(Duration.ofHours(2)), "107901");
        BirthRefusal notTaken = refusal(NOW.minus(Duration.ofHours(1)), null);
        fixture.givenNoPriorActivity()
                .when(record(taken, notTaken))
                .expectEvents(recorded(taken), recorded(notTaken))
                .expectResultMessagePayloadMatching(outcomes(Kind.ACCEPTED, Kind.ACCEPTED));
        assertThat(receipts.holds(ORG, taken.eventId())).isTrue();
        assertThat(receipts.holds(ORG, notTaken.eventId())).isTrue();
    }

    @Test
    void givenARefusalRecordedBefore_whenSentAgainAndTwiceInOneCommand_thenDuplicatesAndNoEvent() {
        BirthRefusal r = refusal(NOW.minus(Duration.ofDays(3)), null);
        receipts.receivedBefore(ORG, r.eventId(), r.payloadHash(PRACTICE), r.occurredAt());
        fixture.given(recorded(r))
                .when(record(r, r))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(Kind.DUPLICATE, Kind.DUPLICATE));
    }

    @Test
    void givenAnIdReceivedWithOtherContent_whenSent_thenEventIdConflict() {
        BirthRefusal r = refusal(NOW.minus(Duration.ofDays(3)), null);
        receipts.receivedBefore(ORG, r.eventId(), "0".repeat(64), r.occurredAt());
        fixture.givenNoPriorActivity()
                .when(record(r))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(rejected(CommandRejected.EVENT_ID_CONFLICT));
    }

    @Test
    void givenARefusalInTheFutureOrBeforeTheHorizon_whenSent_thenRejectedByTheInstantRuleAndNoReceipt() {
        BirthRefusal future = refusal(NOW.plus(Duration.ofMinutes(6)), null);
        BirthRefusal early = refusal(HORIZON.minusSeconds(1), null);
        BirthRefusal fine = refusal(NOW.plus(Duration.ofMinutes(4)), null);
        fixture.givenNoPriorActivity()
                .when(record(future, early, fine))
                .expectEvents(recorded(fine))
                .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<ReportResult>("future, early, fine") {
                    @Override
                    protected boolean matchesSafely(ReportResult result) {
                        return CommandRejected.OCCURRED_IN_FUTURE.equals(result.outcomes().get(0).code())
                                && CommandRejected.OCCURRED_TOO_EARLY.equals(result.outcomes().get(1).code())
                                && result.outcomes().get(2).kind() == Kind.ACCEPTED;
                    }
                });
        assertThat(receipts.holds(ORG, future.eventId())).isFalse();
        assertThat(receipts.holds(ORG, early.eventId())).isFalse();
    }

    @Test
    void givenTheSameRefusalWithAnotherOffset_thenItsPayloadHashIsTheSame() {
        BirthRefusal r = refusal(Instant.parse("2026-12-06T03:40:00Z"), "107901");
        BirthRefusal same = new BirthRefusal(r.eventId(), r.refusedLocationId(),
                java.time.OffsetDateTime.parse("2026-12-06T04:40:00+01:00").toInstant(), r.reason(),
                r.takenByLocationId());
        BirthRefusal other = new BirthRefusal(r.eventId(), r.refusedLocationId(), r.occurredAt(),
                RefusalReason.NO_STAFF, r.takenByLocationId());
        assertThat(same.payloadHash(PRACTICE)).isEqualTo(r.payloadHash(PRACTICE));
        assertThat(other.payloadHash(PRACTICE)).isNotEqualTo(r.payloadHash(PRACTICE));
        assertThat(r.payloadHash(MidwifePracticeId.of("other"))).isNotEqualTo(r.payloadHash(PRACTICE));
    }

    private static Matcher<ReportResult> outcomes(Kind... kinds) {
        return new CustomTypeSafeMatcher<>("outcomes " + List.of(kinds)) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().map(ReportResult.Outcome::kind).toList().equals(List.of(kinds));
            }
        };
    }

    private static Matcher<ReportResult> rejected(String code) {
        return new CustomTypeSafeMatcher<>("all rejected with " + code) {
            @Override
            protected boolean matchesSafely(ReportResult result) {
                return result.outcomes().stream().allMatch(o -> o.kind() == Kind.REJECTED && code.equals(o.code()));
            }
        };
    }
}
