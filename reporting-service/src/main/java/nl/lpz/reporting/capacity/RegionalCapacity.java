package nl.lpz.reporting.capacity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.codelist.LabelCodeList.ChildrenIcu;

/**
 * The regional capacity picture of {@code GET /api/v1/regions/{roazRegionId}/capacity}, in the shape fixed by
 * docs/architecture.md.
 */
public record RegionalCapacity(String roazRegionId, Instant asOf, List<LocationCapacity> locations) {

    /**
     * One location. {@code shared}: whether the figures of this instant are visible to other organisations;
     * {@code own}: the caller acts for the location's organisation; {@code lastEventAt}: newest bed report seen up
     * to {@code asOf} (null: none). {@code contacts} (as they now stand) and {@code groups} are additions to the fixed
     * shape.
     */
    public record LocationCapacity(String locationId, String organisationId, String name, String safetyRegionId,
                                   boolean shared, boolean own, Instant lastEventAt, List<ElementCapacity> elements,
                                   Totals totals, Groups groups, Patients patients, Contacts contacts) {
    }

    /**
     * The location's figures per counting group, each the sum of its {@link ElementCapacity elements} (so with their
     * threshold and visibility rules): {@code icu} every ICU element, {@code clinic} every other (the two add up to
     * {@code totals}); {@code picu} and {@code nicu} the children's ICU groups of the code list
     * ({@link LabelCodeList#childrenIcu}), "of which" subsets of {@code icu}.
     */
    public record Groups(GroupFigures icu, GroupFigures clinic, GroupFigures picu, GroupFigures nicu) {

        /** @param own the caller's own location: {@code availableShared} given (0 in a group without beds) */
        public static Groups of(List<ElementCapacity> elements, LabelCodeList codeList, boolean own) {
            GroupFigures zero = new GroupFigures(0, 0, 0, own ? 0 : null);
            GroupFigures icu = zero;
            GroupFigures clinic = zero;
            GroupFigures picu = zero;
            GroupFigures nicu = zero;
            for (ElementCapacity e : elements) {
                if (!codeList.isIcu(e.specialistisch())) {
                    clinic = clinic.plus(e);
                    continue;
                }
                icu = icu.plus(e);
                ChildrenIcu group = codeList.childrenIcu(e.specialistisch()).orElse(null);
                if (group == ChildrenIcu.PICU) {
                    picu = picu.plus(e);
                } else if (group == ChildrenIcu.NICU) {
                    nicu = nicu.plus(e);
                }
            }
            return new Groups(icu, clinic, picu, nicu);
        }
    }

    /**
     * Figures of one group: as its elements', {@code available} is what the caller may see (the shared figure for
     * other organisations' locations); {@code availableShared} (own locations only) what the others see.
     */
    public record GroupFigures(int capacity, int available, int occupied,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer availableShared) {
        GroupFigures plus(ElementCapacity e) {
            Integer shared = availableShared;
            if (shared != null && e.availableShared() != null) {
                shared += e.availableShared();
            }
            return new GroupFigures(capacity + e.capacity(), available + e.available(), occupied + e.occupied(),
                    shared);
        }
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
