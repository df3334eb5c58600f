package nl.lpz.events.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {
    /** Monday 7 December 2026; Amsterdam is at +01:00 in winter. */
    private static Instant local(int dayOfDecember, int hour, int minute) {
        return LocalDateTime.of(2026, 12, dayOfDecember, hour, minute).atZone(WeeklyHours.ZONE).toInstant();
    }

    private static OpeningPeriod period(DayOfWeek day, String opens, String closes) {
        return new OpeningPeriod(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private static List<OpeningPeriod> weekdays(String opens, String closes) {
        List<OpeningPeriod> periods = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            periods.add(period(day, opens, closes));
        }
        return periods;
    }

    @Test
    void givenWeekdaysEightToTen_whenAskedThroughTheWeek_thenOpenWithinThemAndTheNextChangeIsTheBoundary() {
        WeeklyHours hours = new WeeklyHours(weekdays("08:00", "22:00"));

        assertThat(hours.openAt(local(7, 7, 59))).isFalse();
        assertThat(hours.nextChange(local(7, 7, 59))).contains(local(7, 8, 0));
        assertThat(hours.openAt(local(7, 8, 0))).isTrue();
        assertThat(hours.nextChange(local(7, 12, 0))).contains(local(7, 22, 0));
        assertThat(hours.openAt(local(7, 22, 0))).isFalse();
        // Friday night: closed over the weekend, opens on Monday
        assertThat(hours.openAt(local(12, 10, 0))).isFalse();
        assertThat(hours.nextChange(local(11, 23, 0))).contains(local(14, 8, 0));
        assertThat(hours.nextChange(local(13, 23, 59))).contains(local(14, 8, 0));
    }

    @Test
    void givenAPeriodAcrossMidnightAsTwo_whenAskedInTheEvening_thenItClosesTheNextMorning() {
        WeeklyHours hours = new WeeklyHours(List.of(period(DayOfWeek.SUNDAY, "20:00", "00:00"),
                period(DayOfWeek.MONDAY, "00:00", "02:00")));

        assertThat(hours.openAt(local(13, 21, 0))).isTrue();
        assertThat(hours.nextChange(local(13, 21, 0))).as("over the week's end").contains(local(14, 2, 0));
        assertThat(hours.openAt(local(14, 1, 0))).isTrue();
        assertThat(hours.nextChange(local(14, 3, 0))).contains(local(20, 20, 0));
    }

    @Test
    void givenNoPeriodsOrSevenWholeDays_thenOpenAroundTheClockWithoutChange() {
        List<OpeningPeriod> whole = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            whole.add(period(day, "00:00", "00:00"));
        }
        for (WeeklyHours hours : List.of(new WeeklyHours(List.of()), new WeeklyHours(whole))) {
            assertThat(hours.aroundTheClock()).isTrue();
            assertThat(hours.openAt(local(9, 3, 0))).isTrue();
            assertThat(hours.nextChange(local(9, 3, 0))).isEmpty();
        }
    }

    @Test
    void givenTheNightClocksGoForward_whenClosedBefore_thenItOpensAtTheWallClockTime() {
        // 28 March 2027 (a Sunday): 02:00 becomes 03:00
        WeeklyHours hours = new WeeklyHours(List.of(period(DayOfWeek.SUNDAY, "09:00", "17:00")));
        Instant saturdayNight = LocalDateTime.of(2027, 3, 27, 23, 0).atZone(WeeklyHours.ZONE).toInstant();

        assertThat(hours.nextChange(saturdayNight))
                .contains(LocalDateTime.of(2027, 3, 28, 9, 0).atZone(WeeklyHours.ZONE).toInstant());
        assertThat(hours.nextChange(saturdayNight).orElseThrow().toString()).isEqualTo("2027-03-28T07:00:00Z");
    }

    @Test
    void givenOverlappingPeriods_thenTheOverlapIsNamed_andBadPeriodsAreRefused() {
        assertThat(WeeklyHours.overlap(List.of(period(DayOfWeek.MONDAY, "08:00", "12:00"),
                period(DayOfWeek.MONDAY, "11:00", "13:00")))).hasValueSatisfying(t -> assertThat(t).contains("overlap"));
        assertThat(WeeklyHours.overlap(List.of(period(DayOfWeek.MONDAY, "08:00", "12:00"),
                period(DayOfWeek.MONDAY, "12:00", "13:00")))).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> period(DayOfWeek.MONDAY, "12:00", "08:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two periods");
        assertThatThrownBy(() -> period(DayOfWeek.MONDAY, "12:00:30", "13:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
