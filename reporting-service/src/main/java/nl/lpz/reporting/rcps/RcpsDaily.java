package nl.lpz.reporting.rcps;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lpz.reporting.readmodel.ReportFigures.Block;
import nl.lpz.reporting.readmodel.ReportFigures.Figures;

/**
 * {@code GET /api/v1/rcps/{roazRegionId}/daily} (docs/services/reporting-service.md, "Feeds"). {@code picu} and
 * {@code nicu} are "of which" subsets of {@code icu} (the children's ICU groups of the code list), added to the
 * contract's ICU and clinic; {@code icu} keeps counting every ICU element.
 */
record RcpsDaily(String roazRegionId, LocalDate date, Instant reportMoment, String timeZone,
                 List<RcpsLocation> locations, Figures totals) {

    record RcpsLocation(String locationId, String name, String organisationId, String safetyRegionId,
                        boolean shared, boolean own, Block icu, Block clinic, Block picu, Block nicu) {
    }
}
