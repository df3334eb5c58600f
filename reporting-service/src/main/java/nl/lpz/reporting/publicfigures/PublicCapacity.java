package nl.lpz.reporting.publicfigures;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/public/capacity}: national and per ROAZ region figures for ICU, clinic and their
 * total, with disclosure control applied. A suppressed figure is null and {@code suppressed} names it with its
 * reason ({@link Suppression.Reason}).
 */
record PublicCapacity(Instant generatedAt, Area national, List<Area> regions, Rules suppression) {

    /** One area: the nation ({@code roazRegionId} absent) or one ROAZ region. */
    public record Area(@JsonInclude(JsonInclude.Include.NON_NULL) String roazRegionId, Cell icu, Cell clinic,
                       Cell total) {
    }

    /**
     * Beds (capacity = staffed beds, occupied incl. reserved, available as shared with others, i.e. after
     * thresholds) and occupied beds by the patient's COVID status. {@code suppressed}: figure name (e.g.
     * {@code capacity}, {@code patients.covid}) to reason, for every null figure.
     */
    public record Cell(Integer capacity, Integer occupied, Integer available, Patients patients,
                       Map<String, String> suppressed) {
    }

    public record Patients(Integer covid, Integer covidDelabelled, Integer nonCovid) {
    }

    /** The disclosure rules applied, so that a reader can tell a suppressed figure from a missing one. */
    public record Rules(int minimumOrganisations, int smallCountMin, int smallCountMax, List<String> rules) {
    }
}
