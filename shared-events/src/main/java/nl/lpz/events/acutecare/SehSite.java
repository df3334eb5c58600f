package nl.lpz.events.acutecare;

/** An emergency department a scenario counts with: the location (null for one opened by the scenario) and its point. */
public record SehSite(String locationId, String name, double latitude, double longitude) {
}
