package nl.lpz.reporting.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Request and answer shapes of the validation (schaduwdraaien) endpoints. */
final class ValidationModels {
    private ValidationModels() {
    }

    /** How a user classifies a difference (seed 000 §3.4). */
    public enum Classification {
        TECHNICAL, PROCESS, EPD_SETUP, PLATFORM_SETUP
    }

    public record SubmittedFigures(Integer capacity, Integer occupied) {
    }

    public record SubmittedElement(String specialistisch, SubmittedFigures covid, SubmittedFigures nonCovid) {
    }

    public record SubmittedLocation(String locationId, List<SubmittedElement> elements) {
    }

    public record SubmissionRequest(LocalDate date, List<SubmittedLocation> locations) {
    }

    public record ClassificationRequest(Classification classification, String note) {
    }

    public record Figures(int capacity, int occupied) {
    }

    /** {@code difference} = submitted - platform, per figure. */
    public record Difference(String id, String locationId, String specialistisch, String covidSplit,
                             Figures submitted, Figures platform, Figures difference, boolean differs,
                             Classification classification, String note, String classifiedBy,
                             Instant classifiedAt) {
    }

    public record Submission(String id, String organisationId, LocalDate date, Instant comparedAt,
                             Instant submittedAt, String submittedBy, int differing, List<Difference> differences) {
    }

    public record SubmissionSummary(String id, String organisationId, LocalDate date, Instant submittedAt,
                                    String submittedBy, int rows, int differing, int classified) {
    }

    public record OrganisationReport(String organisationId, int submissions, int differences, int unclassified,
                                     Map<Classification, Integer> byClassification) {
    }

    public record Report(LocalDate from, LocalDate to, List<OrganisationReport> organisations,
                         Map<Classification, Integer> totalByClassification, int totalUnclassified) {
    }

    public record VisibilitySwitch(Instant changedAt, boolean shared, boolean releaseHistory, String changedBy,
                                   String changedByOrganisation) {
    }
}
