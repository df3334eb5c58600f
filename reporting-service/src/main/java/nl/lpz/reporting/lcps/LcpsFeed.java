package nl.lpz.reporting.lcps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Figures;

/** {@code GET /api/v1/lcps/feed} (docs/services/reporting-service.md, "Feeds"). */
record LcpsFeed(String cursor, Reflects reflects, String timeZone, List<LcpsDay> days) {

    /** The read model's log position a feed answer reflects. */
    record Reflects(String position, long bedHistoryId, long visibilityChangeId, Instant projectedAt) {
    }

    /** {@code picu}/{@code nicu}: "of which" subsets of {@code icu} (the children's ICU groups of the code list). */
    record LcpsRegion(String roazRegionId, Instant reportMoment, Block icu, Block clinic, Block picu, Block nicu) {
    }

    record LcpsDay(LocalDate date, Figures national, List<LcpsRegion> regions) {
    }
}
