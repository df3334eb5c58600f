package nl.lpz.reporting.acutecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.lpz.reporting.acutecare.CrowdingTimeline.Report;
import nl.lpz.reporting.acutecare.StopTimeline.Interval;
import org.junit.jupiter.api.Test;

class CrowdingTimelineTest {
    private static final Duration FRESH = Duration.ofMinutes(30);
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static Instant at(int minutes) {
        return T.plusSeconds(minutes * 60L);
    }

    private static Report over(int minute) {
        return new Report(at(minute), true, true);
    }

    private static Report calm(int minute) {
        return new Report(at(minute), true, false);
    }

    @Test
    void givenReportsOverCapacityEveryQuarter_thenTheyHoldUntilTheNextAndTheLastForItsFreshness() {
        List<Report> reports = List.of(over(0), over(15), calm(30), over(45));

        assertThat(CrowdingTimeline.overCapacity(reports, FRESH)).containsExactly(new Interval(at(0), at(15)),
                new Interval(at(15), at(30)), new Interval(at(45), at(75)));
        assertThat(CrowdingTimeline.known(reports, FRESH)).hasSize(4);
    }

    @Test
    void givenAnOverCapacityReportAndAnHourOfSilence_thenOnlyItsFreshnessCountsAndTheGapIsUnknown() {
        List<Report> reports = List.of(over(0), calm(90));

        assertThat(CrowdingTimeline.overCapacity(reports, FRESH)).containsExactly(new Interval(at(0), at(30)));
        assertThat(CrowdingTimeline.known(reports, FRESH)).containsExactly(new Interval(at(0), at(30)),
                new Interval(at(90), at(120)));
    }

    @Test
    void givenARemovalOrAReportWithoutTheFigures_thenTheReportBeforeEndsThereAndNothingIsKnownAfter() {
        List<Report> reports = List.of(over(0), new Report(at(10), false, false), over(20), over(20));

        // two reports at one instant: the later arrival stands, the first holds for no time
        assertThat(CrowdingTimeline.overCapacity(reports, FRESH)).containsExactly(new Interval(at(0), at(10)),
                new Interval(at(20), at(50)));
    }
}
