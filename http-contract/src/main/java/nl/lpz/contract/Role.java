package nl.lpz.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * Roles of the token's {@code roles} claim (api-contract, Authentication). {@code MIDWIFE} is a first-line midwife
 * (verloskundige, eerste lijn): {@code organisation} = the midwife practice, {@code region} = its ROAZ region, as for
 * RCPS; it records refusals of women in labour by hospitals (docs/services/capacity-service.md, "Birth-care
 * refusals"). {@code RAV} (regional ambulance service) and {@code HAP} (GP out-of-hours post) read the openness of
 * the EDs around them (seed 004: "RAV en HAP's hebben inzage in openstellingsstatus SEH"): {@code region} = their
 * veiligheidsregio, as for MKA, {@code organisation} = the service or post. {@code PRIVACY_OFFICER} (functionaris
 * gegevensbescherming) reads the audit trail (NEN 7513) of its {@code organisation}'s data and people (docs/audit.md).
 * Append new roles at the end.
 */
public enum Role {
    HOSPITAL, EPD_SYSTEM, MKA, MMA, RCPS, LCPS, PUBLIC_AGGREGATE, ADMIN, MIDWIFE, RAV, HAP, PRIVACY_OFFICER;

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
