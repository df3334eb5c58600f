package nl.lpz.reporting.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The moment of a report day at which a ROAZ region's RCPS takes its figures (the moment of the former manual
 * request): {@code lpz.reporting.report-moment.regions.<roazRegionId>} (HH:mm), else
 * {@code lpz.reporting.report-moment.default}, else 10:00; always Europe/Amsterdam local time.
 */
@Component
public class ReportMoment {
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private final Environment env;

    public ReportMoment(Environment env) {
        this.env = env;
    }

    public LocalTime timeOf(String roazRegionId) {
        String text = env.getProperty("lpz.reporting.report-moment.regions." + roazRegionId,
                env.getProperty("lpz.reporting.report-moment.default", "10:00"));
        return LocalTime.parse(text);
    }

    public Instant of(String roazRegionId, LocalDate date) {
        return date.atTime(timeOf(roazRegionId)).atZone(ZONE).toInstant();
    }
}
