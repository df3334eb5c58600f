package nl.lpz.reporting.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Shapes of the delivery-compliance view. */
final class ComplianceModels {
    private ComplianceModels() {
    }

    /** Hospital modules measured here, with the seed-002 target for the hospital sector. */
    public enum Module {
        KLINIEK(null, 100, "Sector Ziekenhuizen: LPZ-modules Kliniek (Profielpagina, NICU & PICU): 100% van de "
                + "ziekenhuizen levert reeds aan"),
        COVID(LocalDate.of(2025, 11, 1), 100, "KPI 1 november 2025: 100% van de ziekenhuizen is aangesloten op de "
                + "module Covid; bij opdracht van VWS binnen drie dagen aanleveren (afspraak 9)"),
        SPOED(null, 100, "Sector Ziekenhuizen: LPZ-module Spoed: 100% van de ziekenhuizen levert reeds aan");

        public final LocalDate kpiDate;
        public final int targetPercentage;
        public final String kpiSource;

        Module(LocalDate kpiDate, int targetPercentage, String kpiSource) {
            this.kpiDate = kpiDate;
            this.targetPercentage = targetPercentage;
            this.kpiSource = kpiSource;
        }
    }

    /** DELIVERED / NOT_DELIVERED; with an active COVID activation: DELIVERED, PENDING (before deadline) or LATE. */
    public enum Status {
        DELIVERED, NOT_DELIVERED, PENDING, LATE
    }

    public record Kpi(LocalDate date, int targetPercentage, String source, boolean met) {
    }

    public record Activation(long id, String module, Instant activatedAt, String activatedBy, Instant deadline,
                             Instant deactivatedAt, String deactivatedBy, boolean active) {
    }

    public record ActivationRequest(Instant deadline) {
    }

    public record Hospital(String organisationId, boolean delivering, Instant lastDeliveryAt, Status status) {
    }

    public record Region(String roazRegionId, int organisations, int delivering, double percentage, int late,
                         List<Hospital> hospitals) {
    }

    public record Totals(int organisations, int delivering, double percentage, int late) {
    }

    /**
     * {@code windowStart}: deliveries counted from here (asOf - window, or the activation instant while the COVID
     * module is active).
     */
    public record Compliance(String module, Instant asOf, Duration window, Instant windowStart, String definition,
                             Kpi kpi, Activation activation, Totals national, List<Region> regions) {
    }
}
