package nl.lpz.reporting.modules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.lpz.modules.DeliveryKpi;
import nl.lpz.modules.LocalizedName;

/**
 * Delivery compliance of every module of the catalogue (seed 002 §3, Bijlage 1), the answer of
 * {@code GET /api/v1/compliance/modules}. {@code asOf}: the end of every window; {@code day}: its date in
 * {@code timeZone}, the day whose KPI applies; {@code definition}: when a provider counts as delivering.
 */
public record ModuleCompliance(Instant asOf, LocalDate day, String timeZone, String definition,
                               List<Module> modules) {

    /**
     * One module. {@code requiredShare}/{@code kpi}: the KPI in force on {@code day} (null before the first KPI
     * date); {@code window}: max(the configured window, the module's freshness), counted back from {@code asOf};
     * {@code national} over every region, also when {@code regions} lists one.
     */
    public record Module(String moduleId, LocalizedName moduleName, int definitionVersion, Duration freshness,
                         Duration window, Instant windowStart, Double requiredShare, DeliveryKpi kpi, Share national,
                         List<Region> regions) {
    }

    /**
     * {@code expected}: registered providers expected to deliver the module; {@code delivering}: those of them that
     * did in the window; {@code share} = delivering / expected (null when none is expected); {@code meetsKpi}: share
     * at or above the required share (null without a KPI in force or without expected providers).
     */
    public record Share(int expected, int delivering, Double share, Boolean meetsKpi) {
    }

    public record Region(String roazRegionId, int expected, int delivering, Double share, Boolean meetsKpi,
                         List<Provider> providers) {
    }

    /** An expected provider; {@code lastReportAt}: its newest report of the module in the window (null: none). */
    public record Provider(String providerId, String name, String organisationId, boolean delivering,
                           Instant lastReportAt) {
    }
}
