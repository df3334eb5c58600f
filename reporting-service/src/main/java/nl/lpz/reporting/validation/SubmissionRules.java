package nl.lpz.reporting.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.lpz.events.ValueRules;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.platform.web.ApiException;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.reporting.validation.ValidationModels.ClassificationRequest;
import nl.lpz.reporting.validation.ValidationModels.Figures;
import nl.lpz.reporting.validation.ValidationModels.SubmissionRequest;
import nl.lpz.reporting.validation.ValidationModels.SubmittedElement;
import nl.lpz.reporting.validation.ValidationModels.SubmittedFigures;
import nl.lpz.reporting.validation.ValidationModels.SubmittedLocation;
import org.springframework.http.HttpStatus;

/**
 * What a submission and a classification must satisfy before anything is compared or stored (400/403 problems with
 * the field they concern), and the rows a submission compares: one per location, element and COVID split.
 */
final class SubmissionRules {
    static final String UNKNOWN_LABEL_ELEMENT = "UNKNOWN_LABEL_ELEMENT";
    static final String COVID = "COVID";
    static final String NON_COVID = "NON_COVID";
    private static final LabelCodeList codeList = LabelCodeList.current();

    private SubmissionRules() {
    }

    /** One compared row. */
    record Key(String locationId, String element, String split) {
    }

    /** The submitted figures per row (in submission order) and the submitted locations per ROAZ region. */
    record Checked(Map<Key, Figures> submitted, Map<String, List<String>> locationsByRegion) {
    }

    /**
     * @param own the organisation's locations (location id → ROAZ region id)
     * @param now the server's clock: the report date may lie at most one day ahead
     */
    static Checked check(String organisationId, SubmissionRequest request, Map<String, String> own, Instant now) {
        if (request == null || request.date() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: required (YYYY-MM-DD)");
        }
        // the report moment of the date must be an instant every store can hold (ValueRules)
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        if (request.date().isBefore(LocalDate.ofInstant(ValueRules.PLATFORM_EPOCH, ZoneOffset.UTC))
                || request.date().isAfter(latest)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "date: " + request.date()
                    + " is outside " + ValueRules.PLATFORM_EPOCH.toString().substring(0, 10) + " .. " + latest);
        }
        if (request.locations() == null || request.locations().isEmpty()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "locations: at least one location required");
        }
        Map<Key, Figures> submitted = new LinkedHashMap<>();
        Map<String, List<String>> locationsByRegion = new TreeMap<>();
        for (int i = 0; i < request.locations().size(); i++) {
            SubmittedLocation l = request.locations().get(i);
            String at = "locations[" + i + "]";
            if (l == null || l.locationId() == null) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ".locationId: required");
            }
            String region = own.get(l.locationId());
            if (region == null) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                        "location " + l.locationId() + " is not a location of organisation " + organisationId);
            }
            if (locationsByRegion.values().stream().anyMatch(ls -> ls.contains(l.locationId()))) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": location " + l.locationId()
                        + " appears twice");
            }
            locationsByRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(l.locationId());
            List<SubmittedElement> elements = l.elements() == null ? List.of() : l.elements();
            for (int j = 0; j < elements.size(); j++) {
                SubmittedElement e = elements.get(j);
                String eat = at + ".elements[" + j + "]";
                if (e == null || e.specialistisch() == null) {
                    throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, eat + ".specialistisch: required");
                }
                if (codeList.specialistisch(e.specialistisch()).isEmpty()) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, UNKNOWN_LABEL_ELEMENT,
                            eat + ".specialistisch: unknown element " + e.specialistisch() + " (code list "
                                    + codeList.version() + ")");
                }
                Figures covid = figures(e.covid(), eat + ".covid");
                Figures nonCovid = figures(e.nonCovid(), eat + ".nonCovid");
                if (submitted.put(new Key(l.locationId(), e.specialistisch(), COVID), covid) != null) {
                    throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, eat + ": element "
                            + e.specialistisch() + " appears twice for location " + l.locationId());
                }
                submitted.put(new Key(l.locationId(), e.specialistisch(), NON_COVID), nonCovid);
            }
        }
        return new Checked(submitted, locationsByRegion);
    }

    static void checkClassification(ClassificationRequest request) {
        if (request == null || request.classification() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD,
                    "classification: one of TECHNICAL, PROCESS, EPD_SETUP, PLATFORM_SETUP required");
        }
        if (request.note() != null && request.note().length() > 2000) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "note: at most 2000 characters");
        }
        String noteViolation = ValueRules.textViolation(request.note());
        if (noteViolation != null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "note " + noteViolation);
        }
    }

    static int locationOrder(SubmissionRequest request, String locationId) {
        for (int i = 0; i < request.locations().size(); i++) {
            if (request.locations().get(i).locationId().equals(locationId)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static Figures figures(SubmittedFigures f, String at) {
        if (f == null || f.capacity() == null || f.occupied() == null) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": capacity and occupied required");
        }
        if (f.capacity() < 0 || f.occupied() < 0) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": figures must not be negative");
        }
        if (f.occupied() > f.capacity()) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, at + ": occupied exceeds capacity");
        }
        return new Figures(f.capacity(), f.occupied());
    }
}
