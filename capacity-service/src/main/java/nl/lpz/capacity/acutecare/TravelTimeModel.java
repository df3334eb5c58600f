package nl.lpz.capacity.acutecare;

import nl.lpz.capacity.topology.PopulationArea;

/**
 * Modelled ambulance transport minutes from an area's point to an emergency department: the leg the 45-minute norm
 * adds to the response and the time on scene. The default is {@link GreatCircleTravelTimes}; a routing engine's
 * travel-time matrix (GraphHopper or OSRM over OpenStreetMap) plugs in here as another implementation
 * (docs/acute-care-map.md).
 */
public interface TravelTimeModel {

    /** Minutes of the transport leg; finite and not negative. */
    double transportMinutes(PopulationArea from, double latitude, double longitude);

    /** What the figures say about themselves on every screen and export. */
    String description();
}
