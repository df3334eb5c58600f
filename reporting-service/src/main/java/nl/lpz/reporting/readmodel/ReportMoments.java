package nl.lpz.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** The report moment of a ROAZ region on a report day: its configured time of day in Europe/Amsterdam. */
public final class ReportMoments {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Today in Europe/Amsterdam: the report day the feeds count up to. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private final LocalTime defaultTime;
    private final Map<String, LocalTime> perRegion = new HashMap<>();

    public ReportMoments(FeedsProperties properties) {
        this.defaultTime = LocalTime.parse(properties.reportTime());
        properties.reportTimes().forEach((region, time) -> perRegion.put(region, LocalTime.parse(time.trim())));
    }

    public LocalTime timeOf(String roazRegionId) {
        return perRegion.getOrDefault(roazRegionId, defaultTime);
    }

    public Instant momentOf(String roazRegionId, LocalDate day) {
        return day.atTime(timeOf(roazRegionId)).atZone(ZONE).toInstant();
    }
}
