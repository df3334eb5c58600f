package nl.lpz.reporting.pipeline;

/**
 * A row of the change log ({@code region_change}) that the SSE stream fans out: the region it belongs to, the
 * location and organisation it concerns, the one organisation it is restricted to (changes of a hidden organisation;
 * null: everyone), its kind (the SSE event name) and its JSON payload.
 */
public record ChangeLogEntry(String roazRegionId, String locationId, String organisationId,
                             String restrictedToOrganisation, String kind, String payload) {
}
