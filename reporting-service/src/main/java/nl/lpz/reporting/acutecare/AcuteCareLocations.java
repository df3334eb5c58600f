package nl.lpz.reporting.acutecare;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.CareProfile;

/**
 * The acute-care map's locations with their acute offer and live state ({@code GET /api/v1/acute-care-map/locations}):
 * every registered location of the region (or the country) with a position and at least one acute care kind.
 *
 * @param region     the region asked for; null for the national answer
 * @param regionKind NATIONAL, SAFETY_REGION or ROAZ_REGION
 * @param at         the instant the states hold for
 */
public record AcuteCareLocations(String region, String regionKind, Instant at, List<Location> locations) {

    /**
     * @param careProfileReference the care profile is the reference topology's plausible one, not the hospital's
     * @param stateHidden the caller may not read the stops of the location's veiligheidsregio (the stop view's rule):
     *                    every {@code acute[].state} is null
     * @param crowding    the level of crowding of the Spoed module's ED report (RUSTIG … GEVAARLIJK_OVERVOL), the
     *                    most crowded of its EDs; null when it reports none, or the caller may not read its figures
     * @param crowdingAt  when that report was made; {@code crowdingStale}: older than the module's freshness
     */
    public record Location(String locationId, String name, String organisationId, String safetyRegionId,
                           String roazRegionId, double latitude, double longitude, List<String> careOffered,
                           CareProfile careProfile, boolean careProfileReference, List<Acute> acute,
                           boolean stateHidden, String crowding,
                           Instant crowdingAt, Boolean crowdingStale) {
    }

    /**
     * One acute care kind the location offers.
     *
     * @param hours       {@code "24/7"}, or its opening periods in Dutch wall-clock time ({@link Period})
     * @param state       OPEN, STOP (a stop of the kind runs), CLOSED (outside its opening hours), or null when the
     *                    caller may not read the location's stops
     * @param stopUntil   while on STOP: the stop's expected end (the latest, should two run)
     * @param stopSince   while on STOP: when it started (the earliest)
     * @param closedUntil while CLOSED: when it opens again
     */
    public record Acute(String careKind, Object hours, String state, Instant stopUntil, Instant closedUntil,
                        Instant stopSince) {
    }

    /** An opening period, HH:mm; {@code closes} 00:00 is midnight at the end of the day. */
    public record Period(String day, String opens, String closes) {
    }
}
