package nl.lpz.reporting.acutecare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;
import org.junit.jupiter.api.Test;

class StopTimelineTest {
    private static final Instant DAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Instant NEXT = DAY.plusSeconds(86_400);

    private static Instant at(int hour, int minute) {
        return DAY.plusSeconds(hour * 3600L + minute * 60L);
    }

    private static Interval stop(int fromHour, int fromMinute, int untilHour, int untilMinute) {
        return new Interval(at(fromHour, fromMinute), at(untilHour, untilMinute));
    }

    @Test
    void givenTwoEdsWithOverlappingStops_thenOnlyTheOverlapCountsAsNoOpenEd() {
        Map<String, List<Interval>> stops = Map.of("A", List.of(stop(10, 0, 12, 0)), "B", List.of(stop(11, 0, 13, 0)));

        assertThat(StopTimeline.minutesAllStopped(stops, Set.of("A", "B"), DAY, NEXT)).isEqualTo(60);
        // with B closed by the scenario, A's stops alone leave the region without an open ED
        assertThat(StopTimeline.minutesAllStopped(stops, Set.of("A"), DAY, NEXT)).isEqualTo(120);
        // with both closed nothing is ever open
        assertThat(StopTimeline.minutesAllStopped(stops, Set.of(), DAY, NEXT)).isEqualTo(1440);
    }

    @Test
    void givenAStopAcrossMidnightAndTwoTouchingOnes_thenEachDayCountsItsPartAndTouchingStopsAreOne() {
        List<Interval> a = List.of(new Interval(DAY.minusSeconds(3600), at(1, 0)), stop(8, 0, 9, 0),
                stop(9, 0, 9, 30), stop(8, 30, 8, 45));

        assertThat(StopTimeline.minutesStopped(a, DAY, NEXT)).isEqualTo(60 + 90);
        assertThat(StopTimeline.merged(a, DAY, NEXT)).containsExactly(stop(0, 0, 1, 0), stop(8, 0, 9, 30));
        assertThat(StopTimeline.minutesAllStopped(Map.of("A", a), Set.of("A"), DAY, NEXT)).isEqualTo(150);
    }

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(AMSTERDAM).toInstant();
    }

    @Test
    void givenDaytimeHours_whenTurnedIntoClosedTime_thenTheNightIsClosedOnEveryDay() {
        LocalDate day = LocalDate.of(2026, 11, 23);

        List<Interval> closed = StopTimeline.closedOutsideDaily(LocalTime.of(8, 0), LocalTime.of(22, 0), day,
                day.plusDays(1), AMSTERDAM);

        assertThat(closed).containsExactly(
                new Interval(local("2026-11-23T00:00"), local("2026-11-23T08:00")),
                new Interval(local("2026-11-23T22:00"), local("2026-11-24T08:00")),
                new Interval(local("2026-11-24T22:00"), local("2026-11-25T00:00")));
        assertThat(StopTimeline.minutesStopped(closed, local("2026-11-23T00:00"), local("2026-11-25T00:00")))
                .isEqualTo(2 * 10 * 60);
    }

    @Test
    void givenHoursThatCloseBeforeTheyOpen_thenTheyAreOpenThroughTheNightAndClosedInTheDay() {
        LocalDate day = LocalDate.of(2026, 11, 23);

        List<Interval> closed = StopTimeline.closedOutsideDaily(LocalTime.of(22, 0), LocalTime.of(6, 0), day, day,
                AMSTERDAM);

        assertThat(closed).containsExactly(new Interval(local("2026-11-23T06:00"), local("2026-11-23T22:00")));
        // closes 00:00 reads as midnight at the end of the day: open from 08:00 to midnight
        assertThat(StopTimeline.closedOutsideDaily(LocalTime.of(8, 0), LocalTime.MIDNIGHT, day, day, AMSTERDAM))
                .containsExactly(new Interval(local("2026-11-23T00:00"), local("2026-11-23T08:00")));
        assertThatThrownBy(() -> StopTimeline.closedOutsideDaily(LocalTime.NOON, LocalTime.NOON, day, day, AMSTERDAM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenTheNightTheClocksGoBack_whenClosedFrom22To08_thenTheExtraHourIsClosedToo() {
        // 25 October 2026: 03:00 summer time becomes 02:00 winter time, the night lasts 11 hours
        LocalDate day = LocalDate.of(2026, 10, 24);

        List<Interval> closed = StopTimeline.closedOutsideDaily(LocalTime.of(8, 0), LocalTime.of(22, 0), day,
                day.plusDays(1), AMSTERDAM);

        assertThat(StopTimeline.minutesStopped(closed, local("2026-10-24T22:00"), local("2026-10-25T08:00")))
                .isEqualTo(11 * 60);
    }

    @Test
    void givenWeeklyHoursOnMondayOnly_thenTheRestOfTheWeekIsClosedAndNoPeriodsIsNeverClosed() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        List<OpeningPeriod> mondays = List.of(new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(8, 0),
                LocalTime.MIDNIGHT));

        List<Interval> closed = StopTimeline.closedOutsideWeekly(mondays, monday, monday.plusDays(1), AMSTERDAM);

        assertThat(closed).containsExactly(new Interval(local("2026-11-23T00:00"), local("2026-11-23T08:00")),
                new Interval(local("2026-11-24T00:00"), local("2026-11-25T00:00")));
        assertThat(StopTimeline.closedOutsideWeekly(List.of(), monday, monday.plusDays(1), AMSTERDAM)).isEmpty();
    }

    @Test
    void givenAStopDuringClosedHours_whenBothAreUnited_thenTheOverlapCountsOnce() {
        Map<String, List<Interval>> stops = Map.of("A", List.of(stop(6, 0, 9, 0)));
        Map<String, List<Interval>> hours = Map.of("A", List.of(stop(0, 0, 8, 0)), "B", List.of(stop(20, 0, 24, 0)));

        Map<String, List<Interval>> closed = StopTimeline.union(stops, hours);

        assertThat(StopTimeline.minutesStopped(closed.get("A"), DAY, NEXT)).isEqualTo(9 * 60);
        assertThat(StopTimeline.minutesAllStopped(closed, Set.of("A", "B"), DAY, NEXT)).isZero();
        assertThat(StopTimeline.minutesAllStopped(closed, Set.of("B"), DAY, NEXT)).isEqualTo(4 * 60);
    }
}
