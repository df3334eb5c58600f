package nl.lpz.reporting.capacity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The regional capacity picture of {@code GET /api/v1/regions/{roazRegionId}/capacity}, in the shape fixed by
 * docs/architecture.md.
 */
public record RegionalCapacity(String roazRegionId, Instant asOf, List<LocationCapacity> locations) {

    /**
     * One location. {@code shared}: whether the figures of this instant are visible to other organisations;
     * {@code own}: the caller acts for the location's organisation; {@code lastEventAt}: newest bed report seen up
     * to {@code asOf} (null: none). {@code contacts} is an addition to the fixed shape (as they now stand).
     */
    public record LocationCapacity(String locationId, String organisationId, String name, String safetyRegionId,
                                   boolean shared, boolean own, Instant lastEventAt, List<ElementCapacity> elements,
                                   Totals totals, Patients patients, Contacts contacts) {
    }

    /**
     * Figures of one {@code specialistisch} element. {@code capacity} is the staffed beds (available + occupied before
     * any threshold). For other organisations' locations {@code available} is the shared figure, max(0, available -
     * threshold); the caller's own locations show the raw {@code available}, plus {@code threshold} and
     * {@code availableShared} (what others see).
     */
    public record ElementCapacity(String specialistisch, boolean icu, int capacity, int available, int occupied,
                                  Figures covid, Figures nonCovid,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer threshold,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Integer availableShared) {
    }

    /** capacity = available + occupied. */
    public record Figures(int capacity, int available, int occupied) {
        public static final Figures ZERO = new Figures(0, 0, 0);

        public Figures plus(Figures other) {
            return new Figures(capacity + other.capacity, available + other.available, occupied + other.occupied);
        }
    }

    public record Totals(int capacity, int available, int occupied, Figures covid, Figures nonCovid) {
    }

    /** Occupied beds by the patient's COVID status (a reserved bed holds no patient yet). */
    public record Patients(int covid, int covidDelabelled, int nonCovid) {
    }

    public record Contacts(List<Contact> regiehouderSeh, List<Contact> beddencoordinator) {
    }

    public record Contact(String name, String phone) {
    }
}
