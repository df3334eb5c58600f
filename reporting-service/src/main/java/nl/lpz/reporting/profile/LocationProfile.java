package nl.lpz.reporting.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.modules.LocalizedName;

/**
 * The profile page of one hospital location ({@code GET /api/v1/locations/{id}/profile}, the Kliniek module): what
 * care it offers, who to call, which modules it delivers, and the history of those facts.
 *
 * @param shared whether the organisation's figures are visible to other organisations now (schaduwdraaien); while
 *               they are not, other organisations see no delivery detail
 * @param own    the caller acts for the location's organisation
 */
public record LocationProfile(String locationId, String name, String organisationId, String roazRegionId,
                              String safetyRegionId, String locationType, boolean shared, boolean own, Care care,
                              Contacts contacts, List<ModuleDelivery> modules, List<Change> history,
                              boolean historyTruncated) {

    /**
     * {@code offered}: the care kinds a stop can be declared for (SEH, SR, CTT, EHH, CCU, PCI, VERLOSKUNDE);
     * {@code profile}: the designations beyond them (null: never described); {@code openingHours}: per care kind with
     * hours set, its periods in Dutch wall-clock time (a kind not listed is open around the clock);
     * {@code profileSource}: {@code REFERENCE} when the profile is the reference topology's plausible one (not the
     * hospital's), {@code SET} when a hospital or ADMIN set it, null while never described.
     */
    public record Care(List<String> offered, CareProfile profile, String profileSource,
                       Map<String, List<Period>> openingHours) {
        public static final String REFERENCE = "REFERENCE";
        public static final String SET = "SET";
    }

    /** One opening period in Dutch wall-clock time, HH:mm; {@code closes} 00:00 is midnight at the end of the day. */
    public record Period(String day, String opens, String closes) {
    }

    public record Contacts(List<Contact> regiehouderSeh, List<Contact> beddencoordinator, Instant updatedAt) {
    }

    public record Contact(String name, String phone) {
    }

    /**
     * One module and what the location delivers to it. {@code expected}: the module's definition expects this
     * location to deliver (by the care it offers); {@code units}: what it has reported and not removed (beds for
     * Kliniek, COVID-capacity beds for Covid, the module's units otherwise); {@code delivering}: its newest report is
     * younger than {@code freshness}. Units, last report and delivering are left out for other organisations while
     * the figures are not shared.
     */
    public record ModuleDelivery(String moduleId, LocalizedName name, boolean expected, Duration freshness,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer units,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastReportAt,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Boolean delivering) {
    }

    /**
     * One change of the location's registration or settings, newest first: {@code kind} REGISTERED, CARE_PROFILE,
     * CONTACTS, OPENING_HOURS or THRESHOLDS (thresholds only to the own organisation and ADMIN); {@code details} as
     * the change set it. {@code by.subject} (a person or system) is shown to the own organisation and ADMIN only.
     */
    public record Change(Instant at, String kind, By by, Map<String, Object> details) {
    }

    public record By(@JsonInclude(JsonInclude.Include.NON_NULL) String subject,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String organisation) {
    }
}
