package nl.lpz.platform.web;

import nl.lpz.contract.Role;
import nl.lpz.contract.ProblemCodes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Who is calling, as the gateway verified it. Controllers take it as a parameter; the checks below give the
 * contract's 403 codes.
 */
public record Caller(String subject, Set<Role> roles, String organisation, String region) {

    public Caller {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public static Caller fromHeaders(String subject, String roles, String organisation, String region) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        if (roles != null) {
            Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(r -> {
                try {
                    parsed.add(Role.valueOf(r));
                } catch (IllegalArgumentException unknownRole) {
                    // a role this service does not know grants nothing here
                }
            });
        }
        return new Caller(subject, parsed, blankToNull(organisation), blankToNull(region));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** 403 FORBIDDEN_ROLE unless the caller holds one of these roles. */
    public Caller requireAny(Role... any) {
        if (!hasAny(any)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ROLE,
                    "this needs one of the roles " + Arrays.toString(any));
        }
        return this;
    }

    /** Whether the caller acts for this hospital organisation (HOSPITAL or EPD_SYSTEM with that claim). */
    public boolean actsFor(String organisationId) {
        return hasAny(Role.HOSPITAL, Role.EPD_SYSTEM) && organisationId != null
                && organisationId.equals(organisation);
    }

    /** 403 FORBIDDEN_ORGANISATION unless the caller acts for this organisation. */
    public void requireOrganisation(String organisationId) {
        if (!actsFor(organisationId)) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemCodes.FORBIDDEN_ORGANISATION,
                    "the token's organisation may not act for organisation " + organisationId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
