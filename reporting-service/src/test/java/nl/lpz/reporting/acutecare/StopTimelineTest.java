package nl.lpz.reporting.acutecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
}
