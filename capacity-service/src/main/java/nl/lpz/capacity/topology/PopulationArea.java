package nl.lpz.capacity.topology;

/** A 4-digit postcode area (PC4) with its inhabitants (CBS, 1 January 2021) and the point they are counted at. */
public record PopulationArea(String pc4, String place, String municipality, int population, double latitude,
                             double longitude, String safetyRegionId, String roazRegionId) {
}
