package nl.lpz.reporting.readmodel;

import java.time.LocalTime;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lpz.feeds.report-time} (default 10:00) and per-region overrides {@code lpz.feeds.report-times.ROAZ-NN=09:00}:
 * the moment of a report day (Europe/Amsterdam) the RCPS daily report and the LCPS feed show.
 */
@ConfigurationProperties("lpz.feeds")
public record FeedsProperties(String reportTime, Map<String, String> reportTimes) {
    public FeedsProperties {
        reportTime = reportTime == null || reportTime.isBlank() ? "10:00" : reportTime.trim();
        reportTimes = reportTimes == null ? Map.of() : Map.copyOf(reportTimes);
        LocalTime.parse(reportTime);
        reportTimes.values().forEach(v -> LocalTime.parse(v.trim()));
    }

    public static FeedsProperties defaults() {
        return new FeedsProperties(null, null);
    }
}
