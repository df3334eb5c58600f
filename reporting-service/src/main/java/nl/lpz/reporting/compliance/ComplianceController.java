package nl.lpz.reporting.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.reporting.readmodel.AsOf;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.reporting.compliance.ComplianceModels.Activation;
import nl.lpz.reporting.compliance.ComplianceModels.ActivationRequest;
import nl.lpz.reporting.compliance.ComplianceModels.Compliance;
import nl.lpz.reporting.compliance.ComplianceModels.Module;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delivery compliance (seed 002): ADMIN and LCPS all regions, RCPS its own; activation of COVID by ADMIN (VWS). */
@RestController
class ComplianceController {
    private final ComplianceService compliance;

    ComplianceController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @Operation(summary = "Which hospital organisations deliver per ROAZ region, with the seed-002 KPI")
    @GetMapping("/api/v1/compliance")
    public Compliance compliance(@RequestParam String module, @RequestParam(required = false) String roazRegionId,
                                 @Parameter(description = "end of the window, ISO-8601 instant; default now")
                                 @RequestParam(required = false) String asOf,
                                 @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN, Role.LCPS, Role.RCPS);
        Module m = module(module);
        String region = roazRegionId;
        if (region != null && !Ids.isValid(region)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid ROAZ region id");
        }
        if (!caller.hasAny(Role.ADMIN, Role.LCPS)) {
            if (caller.region() == null || (region != null && !region.equals(caller.region()))) {
                throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_REGION,
                        "the token's region does not cover ROAZ region " + region);
            }
            region = caller.region();
        }
        if (region != null && !compliance.regionExists(region)) {
            throw new ApiException(HttpStatus.NOT_FOUND, ComplianceService.UNKNOWN_REGION,
                    "unknown ROAZ region " + region);
        }
        return compliance.compliance(m, region, asOf == null ? null : AsOf.parse(asOf));
    }

    @Operation(summary = "VWS orders all hospitals to deliver data of the module (only COVID) by a deadline",
            description = "Default deadline: now + 3 days. 409 ALREADY_ACTIVE while an activation is active.")
    @PostMapping("/api/v1/compliance/modules/{module}/activation")
    public ResponseEntity<Activation> activate(@PathVariable String module,
                                               @RequestBody(required = false) ActivationRequest request,
                                               @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN);
        Activation a = compliance.activate(module(module), request == null ? null : request.deadline(),
                caller.subject());
        return ResponseEntity.status(HttpStatus.CREATED).body(a);
    }

    @GetMapping("/api/v1/compliance/modules/{module}/activation")
    public Activation activation(@PathVariable String module, @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN, Role.LCPS, Role.RCPS);
        Module m = module(module);
        return compliance.active(m).orElseThrow(() -> ApiException.notFound("active activation of " + m));
    }

    @DeleteMapping("/api/v1/compliance/modules/{module}/activation")
    public Activation deactivate(@PathVariable String module, @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.ADMIN);
        return compliance.deactivate(module(module), caller.subject());
    }

    private static Module module(String text) {
        try {
            return Module.valueOf(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest(ProblemCodes.INVALID_FIELD, "module: one of KLINIEK, COVID, SPOED");
        }
    }
}
