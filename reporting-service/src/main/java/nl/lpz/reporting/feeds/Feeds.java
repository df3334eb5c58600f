package nl.lpz.reporting.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Result shapes of the RCPS daily report and the LCPS feed (docs/services/reporting-service.md, "Feeds"). */
public final class Feeds {
    private Feeds() {
    }

    /** Staffed beds of one COVID-capacity split: capacity = available + occupied (reserved counts as occupied). */
    public record Split(int capacity, int occupied, int available) {
    }

    /** Patients in OCCUPIED beds by patientCovidStatus (none given counts as non-COVID). */
    public record Patients(int covid, int covidDelabelled, int nonCovid) {
    }

    /** ICU or clinic figures: real capacity (no thresholds), split by the beds' COVID-capacity label. */
    public record Block(int capacity, int occupied, int available, Split covid, Split nonCovid, Patients patients) {
    }

    /** ICU = beds whose specialistisch element is an ICU element of the code list; clinic = every other bed. */
    public record Figures(Block icu, Block clinic) {
    }

    public record RcpsLocation(String locationId, String name, String organisationId, String safetyRegionId,
                               boolean shared, boolean own, Block icu, Block clinic) {
    }

    public record RcpsDaily(String roazRegionId, LocalDate date, Instant reportMoment, String timeZone,
                            List<RcpsLocation> locations, Figures totals) {
    }

    /** The read model's log position a feed answer reflects. */
    public record Reflects(String position, long bedHistoryId, long visibilityChangeId, Instant projectedAt) {
    }

    public record LcpsRegion(String roazRegionId, Instant reportMoment, Block icu, Block clinic) {
    }

    public record LcpsDay(LocalDate date, Figures national, List<LcpsRegion> regions) {
    }

    public record LcpsFeed(String cursor, Reflects reflects, String timeZone, List<LcpsDay> days) {
    }
}
