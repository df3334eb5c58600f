package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.events.ValueRules;
import nl.lpz.events.capacity.BedChangeSource;
import nl.lpz.events.capacity.BedRemoved;
import nl.lpz.events.capacity.BedStatusChanged;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import nl.lpz.events.capacity.CareProfileSet;
import nl.lpz.events.capacity.Contact;
import nl.lpz.events.capacity.ContactsUpdated;
import nl.lpz.events.capacity.OpeningHoursSet;
import nl.lpz.events.capacity.OpeningPeriod;
import nl.lpz.events.capacity.WeeklyHours;
import nl.lpz.events.capacity.LocationRegistered;
import nl.lpz.events.capacity.Threshold;
import nl.lpz.events.capacity.ThresholdsSet;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A hospital location (site): its registration, settings and the current state of each of its beds. One location's
 * bed events of a request are one command, so they commit together. Cached and snapshotted (every 500 events), so a
 * command costs the same however long the location's history is; the snapshot is this object as JSON (fields).
 */
@Aggregate(repository = "locationRepository")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
class Location {
    @AggregateIdentifier
    private LocationId locationId;
    private OrganisationId organisationId;
    private String name;
    private RoazRegionId roazRegionId;
    private SafetyRegionId safetyRegionId;
    private Set<CareKind> careOffered = Set.of();
    private String locationType;
    private Double latitude;
    private Double longitude;
    private List<Threshold> thresholds = List.of();
    private List<Contact> regiehouderSeh = List.of();
    private List<Contact> beddencoordinator = List.of();
    /** Per care kind with hours set, its periods (none: around the clock). */
    private Map<CareKind, List<OpeningPeriod>> openingHours = new EnumMap<>(CareKind.class);
    /** Null until the profile is first set. */
    private CareProfile careProfile;
    private Map<String, BedState> beds = new HashMap<>();

    Location() {
        // for Axon and for snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RegistrationOutcome handle(RegisterLocation command) {
        LocationRegistered registration = Projectable.require(new LocationRegistered(command.locationId(),
                command.organisationId(), command.name(), command.roazRegionId(), command.safetyRegionId(),
                command.careOffered(), command.locationType(), command.latitude(), command.longitude(),
                command.requestedAt(), command.actor()));
        boolean created = locationId == null;
        if (!created && command.organisationId().equals(organisationId) && command.name().equals(name)
                && command.roazRegionId().equals(roazRegionId) && command.safetyRegionId().equals(safetyRegionId)
                && command.careOffered().equals(careOffered)
                && Objects.equals(command.locationType(), locationType)
                && Objects.equals(command.latitude(), latitude) && Objects.equals(command.longitude(), longitude)) {
            return RegistrationOutcome.UNCHANGED;
        }
        apply(registration);
        return created ? RegistrationOutcome.CREATED : RegistrationOutcome.UPDATED;
    }

    @CommandHandler
    ReportResult handle(ReportBeds command, EventReceipts receipts) {
        return ReceiptBatch.takeEach(command.reports(), command.payloadHashes(), organisationId, command.receivedAt(),
                command.backfillHorizon(), receipts, Location::unknownElement, report -> report, this::take);
    }

    private static Outcome unknownElement(BedReport report) {
        String unknown = CodeLists.unknownElement(report.labels());
        return unknown == null ? null
                : Outcome.rejected(report.eventId(), CommandRejected.UNKNOWN_LABEL_ELEMENT, unknown);
    }

    /** A new bed event: applied, stale when older than the bed's last report (kept in history, not as its state). */
    private Kind take(BedReport report) {
        BedState current = beds.get(BedState.key(report.departmentId(), report.bedId()));
        boolean stale = current != null && report.occurredAt().isBefore(current.lastOccurredAt());
        apply(new BedStatusChanged(locationId, organisationId, report.departmentId(), report.bedId(),
                report.status(), report.labels(), report.patientCovidStatus(), report.occurredAt(), stale,
                BedChangeSource.EPD_EVENT, report.eventId(), CodeLists.CURRENT.version()));
        return stale ? Kind.STALE : Kind.ACCEPTED;
    }

    @CommandHandler
    ResyncResult handle(ResyncBeds command) {
        InstantRule.Refusal refusal = InstantRule.refusal("asOf", command.asOf(), command.receivedAt(),
                command.backfillHorizon());
        if (refusal != null) {
            throw new CommandRejected(refusal.code(), refusal.detail());
        }
        Set<String> listed = new LinkedHashSet<>();
        for (BedSnapshotEntry entry : command.beds()) {
            String key = BedState.key(entry.departmentId(), entry.bedId());
            if (!listed.add(key)) {
                throw new CommandRejected(CommandRejected.DUPLICATE_BED, "bed " + key + " is listed twice");
            }
            InstantRule.Refusal entryRefusal = InstantRule.refusal("occurredAt", entry.occurredAt(),
                    command.receivedAt(), command.backfillHorizon());
            if (entryRefusal != null) {
                throw new CommandRejected(entryRefusal.code(), "bed " + key + ": " + entryRefusal.detail());
            }
            String unknown = CodeLists.unknownElement(entry.labels());
            if (unknown != null) {
                throw new CommandRejected(CommandRejected.UNKNOWN_LABEL_ELEMENT, "bed " + key + ": " + unknown);
            }
            Optional<String> unstorable = ValueRules.firstViolation(entry);
            if (unstorable.isPresent()) {
                throw new CommandRejected(CommandRejected.INVALID_FIELD, "bed " + key + ": " + unstorable.get());
            }
        }
        int changed = 0;
        int unchanged = 0;
        int skipped = 0;
        for (BedSnapshotEntry entry : command.beds()) {
            BedState current = beds.get(BedState.key(entry.departmentId(), entry.bedId()));
            if (current != null && current.lastOccurredAt().isAfter(command.asOf())) {
                skipped++;
            } else if (current != null
                    && current.sameStateAs(entry.status(), entry.labels(), entry.patientCovidStatus())) {
                unchanged++;
            } else {
                // keep a bed's history in order: a state older than the last report starts at the snapshot instant
                Instant occurredAt = current != null && entry.occurredAt().isBefore(current.lastOccurredAt())
                        ? command.asOf() : entry.occurredAt();
                apply(new BedStatusChanged(locationId, organisationId, entry.departmentId(), entry.bedId(),
                        entry.status(), entry.labels(), entry.patientCovidStatus(), occurredAt, false,
                        BedChangeSource.SNAPSHOT, null, CodeLists.CURRENT.version()));
                changed++;
            }
        }
        int removed = 0;
        for (BedState bed : List.copyOf(beds.values())) {
            if (!listed.contains(BedState.key(bed.departmentId(), bed.bedId()))
                    && !bed.lastOccurredAt().isAfter(command.asOf())) {
                apply(new BedRemoved(locationId, organisationId, bed.departmentId(), bed.bedId(), command.asOf()));
                removed++;
            }
        }
        return new ResyncResult(changed, removed, unchanged, skipped);
    }

    @CommandHandler
    boolean handle(SetThresholds command) {
        ThresholdsSet thresholdsSet = Projectable.require(new ThresholdsSet(locationId, organisationId,
                command.thresholds(), command.requestedAt(), command.actor()));
        Set<String> elements = new HashSet<>();
        for (Threshold threshold : command.thresholds()) {
            if (CodeLists.CURRENT.specialistisch(threshold.specialistisch()).isEmpty()) {
                throw new CommandRejected(CommandRejected.UNKNOWN_LABEL_ELEMENT, "unknown specialistisch element '"
                        + threshold.specialistisch() + "' (code list version " + CodeLists.CURRENT.version() + ")");
            }
            if (!elements.add(threshold.specialistisch())) {
                throw new CommandRejected(CommandRejected.DUPLICATE_THRESHOLD,
                        "element " + threshold.specialistisch() + " has more than one threshold");
            }
        }
        if (Set.copyOf(command.thresholds()).equals(Set.copyOf(thresholds))) {
            return false;
        }
        apply(thresholdsSet);
        return true;
    }

    @CommandHandler
    boolean handle(UpdateContacts command) {
        ContactsUpdated update = Projectable.require(new ContactsUpdated(locationId, organisationId,
                command.regiehouderSeh(), command.beddencoordinator(), command.requestedAt(), command.actor()));
        if (command.regiehouderSeh().equals(regiehouderSeh) && command.beddencoordinator().equals(beddencoordinator)) {
            return false;
        }
        apply(update);
        return true;
    }

    @CommandHandler
    boolean handle(SetOpeningHours command) {
        OpeningHoursSet set = Projectable.require(new OpeningHoursSet(locationId, organisationId, command.careKind(),
                command.periods(), command.requestedAt(), command.actor()));
        if (!careOffered.contains(command.careKind())) {
            throw new CommandRejected(CommandRejected.CARE_NOT_OFFERED, "location " + locationId.value()
                    + " does not offer " + command.careKind() + " (it offers " + careOffered + ")");
        }
        WeeklyHours.overlap(command.periods()).ifPresent(overlap -> {
            throw new CommandRejected(CommandRejected.OVERLAPPING_OPENING_HOURS, overlap);
        });
        if (Set.copyOf(command.periods()).equals(Set.copyOf(openingHours.getOrDefault(command.careKind(),
                List.of())))) {
            return false;
        }
        apply(set);
        return true;
    }

    @CommandHandler
    boolean handle(SetCareProfile command) {
        CareProfileSet set = Projectable.require(new CareProfileSet(locationId, organisationId, command.profile(),
                command.requestedAt(), command.actor()));
        requireOffered(command.profile().traumaLevel() != null, CareKind.SEH, "a trauma level");
        requireOffered(command.profile().obstetricsLevel() != null, CareKind.VERLOSKUNDE, "an obstetrics level");
        if (command.profile().equals(careProfile)) {
            return false;
        }
        apply(set);
        return true;
    }

    private void requireOffered(boolean needed, CareKind kind, String what) {
        if (needed && !careOffered.contains(kind)) {
            throw new CommandRejected(CommandRejected.CARE_NOT_OFFERED, "location " + locationId.value() + " has "
                    + what + " but does not offer " + kind + " (it offers " + careOffered + ")");
        }
    }

    @EventSourcingHandler
    void on(LocationRegistered event) {
        locationId = event.locationId();
        organisationId = event.organisationId();
        name = event.name();
        roazRegionId = event.roazRegionId();
        safetyRegionId = event.safetyRegionId();
        careOffered = event.careOffered();
        locationType = event.locationType();
        latitude = event.latitude();
        longitude = event.longitude();
    }

    @EventSourcingHandler
    void on(BedStatusChanged event) {
        if (!event.stale()) {
            beds.put(BedState.key(event.departmentId(), event.bedId()), new BedState(event.departmentId(),
                    event.bedId(), event.status(), event.labels(), event.patientCovidStatus(), event.occurredAt()));
        }
    }

    @EventSourcingHandler
    void on(BedRemoved event) {
        beds.remove(BedState.key(event.departmentId(), event.bedId()));
    }

    @EventSourcingHandler
    void on(ThresholdsSet event) {
        thresholds = event.thresholds();
    }

    @EventSourcingHandler
    void on(OpeningHoursSet event) {
        if (event.periods().isEmpty()) {
            openingHours.remove(event.careKind());
        } else {
            openingHours.put(event.careKind(), event.periods());
        }
    }

    @EventSourcingHandler
    void on(CareProfileSet event) {
        careProfile = event.profile();
    }

    @EventSourcingHandler
    void on(ContactsUpdated event) {
        regiehouderSeh = event.regiehouderSeh();
        beddencoordinator = event.beddencoordinator();
    }
}
