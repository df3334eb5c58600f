package nl.lpz.reporting.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.reporting.validation.ValidationModels.ClassificationRequest;
import nl.lpz.reporting.validation.ValidationModels.Difference;
import nl.lpz.reporting.validation.ValidationModels.Report;
import nl.lpz.reporting.validation.ValidationModels.Submission;
import nl.lpz.reporting.validation.ValidationModels.SubmissionRequest;
import nl.lpz.reporting.validation.ValidationModels.SubmissionSummary;
import nl.lpz.reporting.validation.ValidationModels.VisibilitySwitch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validation (schaduwdraaien). Writing (submit, classify): the organisation's HOSPITAL users or the RCPS of a ROAZ
 * region holding one of its locations. Reading: the same, and ADMIN.
 */
@RestController
class ValidationController {
    private final ValidationService validation;

    ValidationController(ValidationService validation) {
        this.validation = validation;
    }

    @Operation(summary = "Compare the figures sent to the RCPS for a date with the platform's own figures",
            description = "Platform figures: raw (no thresholds, hidden figures included) at the region's report "
                    + "moment of that date (default 10:00 Europe/Amsterdam).")
    @PostMapping("/api/v1/validation/{organisationId}/submissions")
    public ResponseEntity<Submission> submit(@PathVariable String organisationId,
                                             @RequestBody SubmissionRequest request,
                                             @Parameter(hidden = true) Caller caller) {
        access(caller, organisationId, false);
        Submission s = validation.submit(organisationId, request, caller.subject(), roles(caller));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/validation/" + organisationId + "/submissions/" + s.id()).body(s);
    }

    @GetMapping("/api/v1/validation/{organisationId}/submissions")
    public List<SubmissionSummary> submissions(@PathVariable String organisationId,
                                               @Parameter(hidden = true) Caller caller) {
        access(caller, organisationId, true);
        return validation.list(organisationId);
    }

    @GetMapping("/api/v1/validation/{organisationId}/submissions/{submissionId}")
    public Submission submission(@PathVariable String organisationId, @PathVariable String submissionId,
                                 @Parameter(hidden = true) Caller caller) {
        access(caller, organisationId, true);
        return validation.find(organisationId, submissionId);
    }

    @Operation(summary = "Classify a difference: TECHNICAL, PROCESS, EPD_SETUP or PLATFORM_SETUP, with a note")
    @PutMapping("/api/v1/validation/{organisationId}/differences/{differenceId}")
    public Difference classify(@PathVariable String organisationId, @PathVariable String differenceId,
                               @RequestBody ClassificationRequest request, @Parameter(hidden = true) Caller caller) {
        access(caller, organisationId, false);
        return validation.classify(organisationId, differenceId, request, caller.subject());
    }

    @Operation(summary = "Who switched the organisation's visibility (shared/hidden) and when")
    @GetMapping("/api/v1/validation/{organisationId}/visibility-history")
    public List<VisibilitySwitch> visibilityHistory(@PathVariable String organisationId,
                                                    @Parameter(hidden = true) Caller caller) {
        access(caller, organisationId, true);
        return validation.visibilityHistory(organisationId);
    }

    @Operation(summary = "Differing rows per classification, per organisation, for report dates in [from, to]",
            description = "ADMIN: all organisations; RCPS: those of its ROAZ region; HOSPITAL: its own.")
    @GetMapping("/api/v1/validation/report")
    public Report report(@RequestParam String from, @RequestParam String to,
                         @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN, Role.RCPS, Role.HOSPITAL);
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (t.isBefore(f)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "to: before from");
        }
        Set<String> organisations = null;
        if (!caller.has(Role.ADMIN)) {
            organisations = new TreeSet<>();
            if (caller.has(Role.RCPS) && caller.region() != null) {
                organisations.addAll(validation.organisationsIn(caller.region()));
            }
            if (caller.has(Role.HOSPITAL) && caller.organisation() != null) {
                organisations.add(caller.organisation());
            }
        }
        return validation.report(f, t, organisations);
    }

    private static LocalDate date(String name, String text) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            // the years the platform holds (docs/reliability.md); a far-off year would overflow the query's instants
            if (day.getYear() < 2000 || day.getYear() > 2099) {
                throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": a day from 2000 to 2099: " + text);
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, name + ": not a date YYYY-MM-DD: " + text);
        }
    }

    private static String roles(Caller caller) {
        return String.join(",", caller.roles().stream().map(Enum::name).sorted().toList());
    }

    private void access(Caller caller, String organisationId, boolean read) {
        if (!Ids.isValid(organisationId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid organisation id");
        }
        if (read) {
            caller.requireAny(Role.HOSPITAL, Role.RCPS, Role.ADMIN);
        } else {
            caller.requireAny(Role.HOSPITAL, Role.RCPS);
        }
        if (caller.has(Role.HOSPITAL) && organisationId.equals(caller.organisation())) {
            validation.requireOrganisation(organisationId);
            return;
        }
        if (read && caller.has(Role.ADMIN)) {
            validation.requireOrganisation(organisationId);
            return;
        }
        if (caller.has(Role.RCPS)) {
            Set<String> regions = validation.requireOrganisation(organisationId);
            if (caller.region() != null && regions.contains(caller.region())) {
                return;
            }
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                    "organisation " + organisationId + " has no location in the token's ROAZ region");
        }
        throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                "the token's organisation may not act for organisation " + organisationId);
    }
}
