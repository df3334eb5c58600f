package nl.lpz.capacity.query;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.Threshold;

/** A registered location as the directory holds it; {@code careProfile} is null until it is first set. */
public record LocationView(String locationId, String organisationId, String name, String roazRegionId,
                           String safetyRegionId, List<CareKind> careOffered, String locationType, Double latitude,
                           Double longitude, List<Threshold> thresholds, Contacts contacts,
                           Map<CareKind, List<Period>> openingHours, CareProfile careProfile,
                           Instant registeredAt, Instant updatedAt) {

    public record Contacts(List<Contact> regiehouderSeh, List<Contact> beddencoordinator) {
    }

    /**
     * One opening period of a care kind in Dutch wall-clock time, {@code HH:mm}; {@code closes} 00:00 is midnight at
     * the end of the day. A care kind without periods in {@code openingHours} is open around the clock.
     */
    public record Period(DayOfWeek day, String opens, String closes) {
        public static Period of(OpeningPeriod period) {
            return new Period(period.day(), period.opens().toString(), period.closes().toString());
        }
    }
}
