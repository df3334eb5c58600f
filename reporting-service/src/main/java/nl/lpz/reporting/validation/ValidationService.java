package nl.lpz.reporting.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.events.EventJson;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.reporting.capacity.RegionalCapacity;
import nl.lpz.reporting.capacity.RegionalCapacityQuery;
import nl.lpz.reporting.readmodel.Locations;
import nl.lpz.reporting.readmodel.ReportMoments;
import nl.lpz.reporting.validation.SubmissionRules.Key;
import nl.lpz.reporting.validation.ValidationModels.ClassificationRequest;
import nl.lpz.reporting.validation.ValidationModels.Difference;
import nl.lpz.reporting.validation.ValidationModels.Figures;
import nl.lpz.reporting.validation.ValidationModels.Report;
import nl.lpz.reporting.validation.ValidationModels.Submission;
import nl.lpz.reporting.validation.ValidationModels.SubmissionRequest;
import nl.lpz.reporting.validation.ValidationModels.SubmissionSummary;
import nl.lpz.reporting.validation.ValidationModels.VisibilitySwitch;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Validation (schaduwdraaien): compares the figures an organisation sent to its RCPS for a date with the platform's
 * own raw figures ({@link RegionalCapacityQuery}, viewed as the owner: no thresholds, hidden figures included) at the
 * region's report moment, stores every compared row ({@link ValidationStore}) and lets users classify the
 * differences. What a request must satisfy: {@link SubmissionRules}.
 */
@Component
class ValidationService {
    static final String UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION";
    static final String UNKNOWN_LABEL_ELEMENT = SubmissionRules.UNKNOWN_LABEL_ELEMENT;
    static final String COVID = SubmissionRules.COVID;
    static final String NON_COVID = SubmissionRules.NON_COVID;

    private final RegionalCapacityQuery capacity;
    private final ReportMoments reportMoment;
    private final Locations locations;
    private final ValidationStore store;
    private final Clock clock;
    private final ObjectMapper json = EventJson.mapper();

    ValidationService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                      RegionalCapacityQuery capacity, ReportMoments reportMoment, Clock clock) {
        this.capacity = capacity;
        this.reportMoment = reportMoment;
        this.locations = new Locations(jdbc);
        this.store = new ValidationStore(jdbc, transactionManager);
        this.clock = clock;
    }

    /** 404 UNKNOWN_ORGANISATION when no location of the organisation is known; else its ROAZ regions. */
    Set<String> requireOrganisation(String organisationId) {
        Map<String, String> own = locations.locationsOf(organisationId);
        if (own.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_ORGANISATION,
                    "no location of organisation " + organisationId + " is known");
        }
        return new HashSet<>(own.values());
    }

    Submission submit(String organisationId, SubmissionRequest request, String subject, String roles) {
        Map<String, String> own = locations.locationsOf(organisationId);
        if (own.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, UNKNOWN_ORGANISATION,
                    "no location of organisation " + organisationId + " is known");
        }
        SubmissionRules.Checked checked = SubmissionRules.check(organisationId, request, own, clock.instant());
        Map<Key, Figures> submitted = checked.submitted();
        Map<String, List<String>> locationsByRegion = checked.locationsByRegion();
        Instant now = clock.instant();
        // the platform's figures per region at that region's report moment, as the owner sees them
        Map<Key, Figures> platform = new LinkedHashMap<>();
        Map<String, Instant> comparedAt = new HashMap<>();
        for (Map.Entry<String, List<String>> r : locationsByRegion.entrySet()) {
            Instant moment = reportMoment.momentOf(r.getKey(), request.date());
            if (moment.isAfter(now)) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: the report moment " + moment
                        + " of ROAZ region " + r.getKey() + " has not passed yet");
            }
            RegionalCapacity picture = capacity.find(r.getKey(), moment, organisationId)
                    .orElse(new RegionalCapacity(r.getKey(), moment, List.of()));
            for (RegionalCapacity.LocationCapacity l : picture.locations()) {
                if (!r.getValue().contains(l.locationId())) {
                    continue;
                }
                comparedAt.put(l.locationId(), moment);
                for (RegionalCapacity.ElementCapacity e : l.elements()) {
                    platform.put(new Key(l.locationId(), e.specialistisch(), COVID),
                            new Figures(e.covid().capacity(), e.covid().occupied()));
                    platform.put(new Key(l.locationId(), e.specialistisch(), NON_COVID),
                            new Figures(e.nonCovid().capacity(), e.nonCovid().occupied()));
                }
            }
            for (String l : r.getValue()) {
                comparedAt.putIfAbsent(l, moment);
            }
        }
        // rows: what was submitted in its order, then what only the platform knows for the submitted locations
        List<Key> keys = new ArrayList<>(submitted.keySet());
        for (Key k : platform.keySet()) {
            if (!submitted.containsKey(k)) {
                keys.add(k);
            }
        }
        keys.sort((a, b) -> {
            int la = SubmissionRules.locationOrder(request, a.locationId());
            int lb = SubmissionRules.locationOrder(request, b.locationId());
            return la != lb ? Integer.compare(la, lb) : 0;
        });
        UUID submissionId = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        store.insert(submissionId, organisationId, request.date(), now, subject, roles, payload, keys, submitted,
                platform, own, comparedAt);
        return find(organisationId, submissionId.toString());
    }

    Submission find(String organisationId, String submissionId) {
        return store.find(organisationId, uuid(submissionId, "submission"))
                .orElseThrow(() -> ApiException.notFound("submission " + submissionId));
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what + " " + id);
        }
    }

    List<SubmissionSummary> list(String organisationId) {
        return store.list(organisationId);
    }

    Difference classify(String organisationId, String differenceId, ClassificationRequest request, String subject) {
        SubmissionRules.checkClassification(request);
        UUID id = uuid(differenceId, "difference");
        String submission = store.submissionOf(organisationId, id)
                .orElseThrow(() -> ApiException.notFound("difference " + differenceId));
        store.classify(id, request.classification(), request.note(), subject, clock.instant());
        return find(organisationId, submission).differences().stream()
                .filter(d -> d.id().equals(id.toString())).findFirst().orElseThrow();
    }

    /**
     * Counts of differing rows per classification, per organisation, over submissions whose report date lies in
     * [from, to].
     *
     * @param organisations the organisations to report on; null: all
     */
    Report report(LocalDate from, LocalDate to, Collection<String> organisations) {
        return store.report(from, to, organisations);
    }

    List<VisibilitySwitch> visibilityHistory(String organisationId) {
        return store.visibilityHistory(organisationId);
    }

    /** Organisations with a location in this ROAZ region. */
    List<String> organisationsIn(String roazRegionId) {
        return locations.organisationsIn(roazRegionId);
    }
}
