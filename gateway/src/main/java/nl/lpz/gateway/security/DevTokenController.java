package nl.lpz.gateway.security;

import nl.lpz.contract.Problems;
import nl.lpz.contract.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.gateway.web.ProblemException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev/tokens} (api-contract, Authentication): issues a token for any identity, for testing. Exists only
 * in the {@code local} profile; elsewhere the path is {@code 404}.
 */
@RestController
@Profile("local")
class DevTokenController {
    private final DevTokenIssuer issuer;

    DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    record TokenRequest(String sub, List<String> roles, String organisation, String region) {
    }

    record TokenResponse(String token, String expiresAt) {
    }

    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse issue(@RequestBody TokenRequest request) {
        if (request.sub() == null || !Caller.SUBJECT.matcher(request.sub()).matches()) {
            throw invalid(ProblemCodes.INVALID_FIELD, "sub is required: 1 to 256 visible ASCII characters");
        }
        List<Role> roles = new ArrayList<>();
        for (String name : request.roles() == null ? List.<String>of() : request.roles()) {
            Optional<Role> role = Role.parse(name);
            if (role.isEmpty()) {
                throw invalid(ProblemCodes.INVALID_FIELD, "roles: unknown role '" + name + "'; known roles are "
                        + List.of(Role.values()));
            }
            if (!roles.contains(role.get())) {
                roles.add(role.get());
            }
        }
        checkId("organisation", request.organisation());
        checkId("region", request.region());
        DevTokenIssuer.Issued issued = issuer.issue(request.sub(), roles, request.organisation(), request.region());
        return new TokenResponse(issued.token(), issued.expiresAt().toString());
    }

    private static void checkId(String field, String value) {
        if (value != null && !Caller.ID.matcher(value).matches()) {
            throw invalid(ProblemCodes.INVALID_ID, field + " must match " + Caller.ID.pattern());
        }
    }

    private static ProblemException invalid(String code, String detail) {
        return new ProblemException(Problems.of(HttpStatus.BAD_REQUEST, code, detail));
    }
}
