package nl.lpz.contract;

import java.util.Arrays;
import java.util.Optional;

/** Roles of the token's {@code roles} claim (api-contract, Authentication). */
public enum Role {
    HOSPITAL, EPD_SYSTEM, MKA, MMA, RCPS, LCPS, PUBLIC_AGGREGATE, ADMIN;

    public static Optional<Role> parse(String name) {
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
