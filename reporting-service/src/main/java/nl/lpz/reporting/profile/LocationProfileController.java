package nl.lpz.reporting.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.events.ids.Ids;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.RegionAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Kliniek profile page: everyone who works with a location reads what it offers and who to call, as the
 * regional picture shows its contacts to them; figures stay with the read models that apply visibility.
 */
@RestController
@Tag(name = "locations")
class LocationProfileController {
    static final String UNKNOWN_LOCATION = "UNKNOWN_LOCATION";
    /** Every role but the public one: the profile is for those who work with the location. */
    private static final Role[] READERS = Arrays.stream(Role.values()).filter(r -> r != Role.PUBLIC_AGGREGATE)
            .toArray(Role[]::new);

    private final LocationProfileQuery query;

    LocationProfileController(LocationProfileQuery query) {
        this.query = query;
    }

    @Operation(summary = "The profile page of a hospital location (Kliniek): care offered, contacts, modules, history",
            description = "{locationId, name, organisationId, roazRegionId, safetyRegionId, locationType, shared, own, "
                    + "care: {offered, profile: {traumaLevel, strokeIat, nicuLevel, picu, obstetricsLevel} | null, "
                    + "openingHours}, contacts, modules: [{moduleId, name, expected, freshness, units, lastReportAt, "
                    + "delivering}], history: [{at, kind, by, details}] newest first (at most 100), historyTruncated}. "
                    + "Kinds of change: REGISTERED, CARE_PROFILE, CONTACTS, OPENING_HOURS, VISIBILITY, and THRESHOLDS "
                    + "for the own organisation and ADMIN only; by.subject likewise. While the organisation's figures "
                    + "are not shared, other organisations see the modules without units, last report and delivering. "
                    + "Readers: every role but PUBLIC_AGGREGATE (403 FORBIDDEN_ROLE). 404 UNKNOWN_LOCATION, 400 "
                    + "INVALID_ID.")
    @GetMapping("/api/v1/locations/{locationId}/profile")
    LocationProfile profile(@PathVariable String locationId, @Parameter(hidden = true) Caller caller) {
        caller.requireAny(READERS);
        if (!Ids.isValid(locationId)) {
            throw ApiException.badRequest(ProblemCodes.INVALID_ID, "invalid location id");
        }
        LocationProfileQuery.Reader reader = new LocationProfileQuery.Reader(RegionAccess.viewerOrganisation(caller),
                caller.has(Role.ADMIN));
        return query.profile(locationId, reader).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                UNKNOWN_LOCATION, "location " + locationId + " is not registered"));
    }
}
