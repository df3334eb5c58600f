package nl.lpz.platform.web;

/** Roles of the token's {@code roles} claim (api-contract, Authentication). */
public enum Role {
    HOSPITAL, EPD_SYSTEM, MKA, MMA, RCPS, LCPS, PUBLIC_AGGREGATE, ADMIN
}
