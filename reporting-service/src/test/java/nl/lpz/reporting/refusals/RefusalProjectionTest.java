package nl.lpz.reporting.refusals;

import static nl.lpz.reporting.Fixtures.publish;
import static nl.lpz.reporting.Fixtures.unique;
import static nl.lpz.reporting.refusals.RefusalFixtures.obstetric;
import static nl.lpz.reporting.refusals.RefusalFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import nl.lpz.events.Topics;
import nl.lpz.events.capacity.RefusalReason;
import nl.lpz.reporting.Fixtures;
import nl.lpz.reporting.Fixtures.Published;
import nl.lpz.reporting.ProjectionDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refusals fed as consumed records through the projection and asserted through the refusal query (no broker, no
 * Spring context): the hospital's list without the practice, the practice's own list, the monthly counts per
 * hospital with the day in Europe/Amsterdam, idempotency, and a record that cannot be projected.
 */
class RefusalProjectionTest {
    private static ProjectionDatabase db;
    private static JdbcTemplate jdbc;
    private static RefusalQuery query;

    private String region;
    private String loc;
    private String locB;
    private String practice;

    @BeforeAll
    static void database() {
        db = ProjectionDatabase.open("refusals");
        jdbc = db.jdbc();
        query = new RefusalQuery(jdbc);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void twoHospitals() {
        jdbc.execute("truncate location, birth_refusal, processed_event, consumer_offset, parked_record");
        region = unique("ROAZ");
        loc = unique("LOC");
        locB = unique("LOC");
        practice = unique("VP");
        db.project(publish(obstetric(loc, unique("ORG"), region)), publish(obstetric(locB, unique("ORG"), region)),
                publish(Fixtures.location(unique("LOC"), unique("ORG"), region, "VR13")));
    }

    @Test
    void givenTwoRefusalsOfOneHospital_whenItsListIsRead_thenBothWithTheTakingHospitalsNameAndTheMidwifesRegion() {
        Instant first = Instant.parse("2026-12-01T03:00:00Z");
        db.project(publish(refusal(practice, "ROAZ-NHF", loc, first, RefusalReason.NO_DELIVERY_ROOM, locB)),
                publish(refusal(practice, "ROAZ-NHF", loc, first.plusSeconds(7200), RefusalReason.NO_STAFF, null)),
                publish(refusal(practice, "ROAZ-NHF", locB, first, RefusalReason.OTHER, null)));

        Refusals.AboutLocation about = query.aboutLocation(query.location(loc).orElseThrow(),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"));
        assertThat(about.refusals()).extracting(Refusals.AboutLocationRefusal::reason)
                .containsExactly("NO_DELIVERY_ROOM", "NO_STAFF");
        Refusals.AboutLocationRefusal taken = about.refusals().get(0);
        assertThat(taken.occurredAt()).isEqualTo(first);
        assertThat(taken.takenByLocationId()).isEqualTo(locB);
        assertThat(taken.takenByName()).isEqualTo("Ziekenhuis " + locB);
        assertThat(taken.midwifeRegionId()).isEqualTo("ROAZ-NHF");
        assertThat(about.refusals().get(1).takenByLocationId()).isNull();

        Refusals.OfPractice mine = query.ofPractice(practice, LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-02"));
        assertThat(mine.refusals()).hasSize(3);
        assertThat(mine.refusals()).extracting(Refusals.PracticeRefusal::refusedLocationId).contains(loc, locB);
        assertThat(query.ofPractice(unique("VP"), LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-02"))
                .refusals()).isEmpty();
    }

    @Test
    void givenRefusalsAroundMidnightAndMonthEnd_whenTheMonthlyCountsAreRead_thenCountedOnTheirAmsterdamDay() {
        // 30 November 23:30 UTC is 1 December 00:30 in Amsterdam
        db.project(publish(refusal(practice, "ROAZ-NHF", loc, Instant.parse("2026-11-30T23:30:00Z"),
                        RefusalReason.PRESENTATIESTOP, locB)),
                publish(refusal(practice, "ROAZ-NHF", loc, Instant.parse("2026-11-30T22:30:00Z"),
                        RefusalReason.NO_STAFF, null)),
                publish(refusal(practice, "ROAZ-NHF", loc, Instant.parse("2026-12-10T10:00:00Z"),
                        RefusalReason.PRESENTATIESTOP, null)));

        Refusals.Monthly monthly = query.monthly(region, YearMonth.parse("2026-11"), YearMonth.parse("2026-12"));
        assertThat(monthly.timeZone()).isEqualTo("Europe/Amsterdam");
        assertThat(monthly.hospitals()).extracting(Refusals.Hospital::locationId)
                .as("the region's hospitals with birth care, not its ED-only location").containsExactly(
                        java.util.stream.Stream.of(loc, locB).sorted().toArray(String[]::new));
        Refusals.Hospital hospital = monthly.hospitals().stream().filter(h -> h.locationId().equals(loc))
                .findFirst().orElseThrow();
        assertThat(hospital.months()).extracting(Refusals.Month::month).containsExactly("2026-11", "2026-12");
        Refusals.Month november = hospital.months().get(0);
        assertThat(november.total()).isEqualTo(1);
        assertThat(november.byReason()).containsEntry("NO_STAFF", 1L).containsEntry("PRESENTATIESTOP", 0L)
                .hasSize(RefusalReason.values().length);
        Refusals.Month december = hospital.months().get(1);
        assertThat(december.total()).isEqualTo(2);
        assertThat(december.byReason()).containsEntry("PRESENTATIESTOP", 2L);
        assertThat(december.takenElsewhere()).isEqualTo(1);
        Refusals.Hospital other = monthly.hospitals().stream().filter(h -> h.locationId().equals(locB))
                .findFirst().orElseThrow();
        assertThat(other.months()).allSatisfy(m -> assertThat(m.total()).isZero());
        assertThat(monthly.totals()).extracting(Refusals.Month::total).containsExactly(1L, 2L);
    }

    @Test
    void givenTheSameRecordTwice_whenProjected_thenCountedOnce() {
        Published once = publish(refusal(practice, "ROAZ-NHF", loc, Instant.parse("2026-12-01T03:00:00Z"),
                RefusalReason.OTHER, null));
        db.project(once);
        db.project(once);
        assertThat(query.monthly(region, YearMonth.parse("2026-12"), YearMonth.parse("2026-12")).totals().get(0)
                .total()).isEqualTo(1);
    }

    @Test
    void givenARefusalWithoutItsReason_whenConsumed_thenParkedAndNothingStored() {
        Published noReason = Fixtures.poison(Topics.CAPACITY_BIRTH_REFUSALS, loc, "BirthRefusalRecorded", """
                {"practiceId":"%s","midwifeRegionId":"ROAZ-NHF","refusedLocationId":"%s",
                 "occurredAt":"2026-12-01T03:00:00Z","recordedAt":"2026-12-01T04:00:00Z",
                 "sourceEventId":"7b2e4c1d-9a8f-4e3b-b6c5-0d1e2f3a4b5c"}""".formatted(practice, loc));
        db.project(noReason);
        assertThat(jdbc.queryForObject("select count(*) from birth_refusal", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from parked_record where topic = ? and reason = 'INCOMPLETE'",
                Long.class, Topics.CAPACITY_BIRTH_REFUSALS)).isOne();
    }
}
