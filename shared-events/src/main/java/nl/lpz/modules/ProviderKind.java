package nl.lpz.modules;

/**
 * Kinds of care provider that deliver a module's figures. Only {@link #HOSPITAL_LOCATION} has a register on the
 * platform today (the registered locations); the others are named so that chain-sector definitions can state them.
 */
public enum ProviderKind {
    HOSPITAL_LOCATION, VVT_INSTITUTION, GGZ_INSTITUTION, HAP, RAV, VSV, DISTRICT_NURSING_TEAM, REGIONAL_COORDINATION
}
