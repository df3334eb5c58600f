package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.BedReport;
import nl.lpz.capacity.command.BedSnapshotEntry;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.EventIdConflicts.SentReport;
import nl.lpz.capacity.command.ReceiptSettings;
import nl.lpz.capacity.command.ReportBeds;
import nl.lpz.capacity.command.ReportResult;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.capacity.command.ResyncBeds;
import nl.lpz.capacity.command.ResyncResult;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.events.capacity.BedLabels;
import nl.lpz.events.capacity.BedStatus;
import nl.lpz.events.capacity.PatientCovidStatus;
import nl.lpz.events.capacity.SnijdendBeschouwend;
import nl.lpz.events.ids.BedId;
import nl.lpz.events.ids.DepartmentId;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.platform.web.Caller;
import nl.lpz.contract.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * EPD bed events (batches of 1..1000) and full snapshots. A batch is checked as a whole first (structure and text:
 * 400, authorisation: 403, an event id reused with other content: 409, nothing written), then each location's events
 * are one command and one transaction; the answer is sent after every transaction committed. Instants are judged by
 * the aggregate against the server clock and the back-fill horizon the command carries.
 */
@RestController
class BedEventsController {
    static final int MAX_EVENTS = 1000;
    /** Element codes of the label code list are short; anything longer is not a code. */
    static final int MAX_CODE = 64;

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final EventIdConflicts conflicts;
    private final ReceiptSettings receipts;
    private final Clock clock;

    BedEventsController(CommandSender commands, LocationDirectory directory, EventIdConflicts conflicts,
                        ReceiptSettings receipts, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.conflicts = conflicts;
        this.receipts = receipts;
        this.clock = clock;
    }

    record LabelsBody(String specialistisch, String specialisme, SnijdendBeschouwend snijdendBeschouwend,
                      Boolean covid) {
    }

    record BedEventBody(UUID eventId, String locationId, String departmentId, String bedId, BedStatus status,
                        LabelsBody labels, PatientCovidStatus patientCovidStatus, OffsetDateTime occurredAt) {
    }

    record BedEventsRequest(List<BedEventBody> events) {
    }

    record BedEventsAnswer(long accepted, long duplicates, long stale, List<ReportBatches.Rejection> rejected) {
    }

    record SnapshotRequest(OffsetDateTime asOf, List<BedEventBody> beds) {
    }

    record SnapshotAnswer(String locationId, Instant asOf, int changed, int removed, int unchanged,
                          int skippedNewerKnown) {
    }

    @PostMapping(path = "/api/v1/bed-events", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BedEventsAnswer> report(@RequestBody BedEventsRequest request, Caller caller) {
        caller.requireAny(Role.EPD_SYSTEM, Role.HOSPITAL);
        List<BedEventBody> events = required(request.events(), "events");
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw invalid("events must hold 1 to " + MAX_EVENTS + " bed events, not " + events.size());
        }
        List<BedReport> reports = new ArrayList<>(events.size());
        Set<String> locationIds = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String field = "events[" + i + "]";
            BedEventBody event = required(events.get(i), field);
            required(event.eventId(), field + ".eventId");
            locationIds.add(id(event.locationId(), field + ".locationId"));
            reports.add(toReport(event, field));
        }
        Map<String, String> owners = directory.owners(locationIds);
        owners.values().stream().distinct().forEach(caller::requireOrganisation);

        Outcome[] outcomes = new Outcome[events.size()];
        Map<String, List<Integer>> byLocation = new LinkedHashMap<>();
        List<SentReport> sent = new ArrayList<>(events.size());
        String[] hashes = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            String locationId = events.get(i).locationId();
            if (owners.containsKey(locationId)) {
                byLocation.computeIfAbsent(locationId, k -> new ArrayList<>()).add(i);
                SentReport report = new SentReport(OrganisationId.of(owners.get(locationId)),
                        LocationId.of(locationId), reports.get(i));
                hashes[i] = report.payloadHash();
                sent.add(report);
            } else {
                outcomes[i] = unknownLocation(events.get(i));
            }
        }
        ReportBatches.requireNoEventIdConflict(conflicts, sent);
        Instant receivedAt = clock.instant();
        Instant horizon = receipts.backfillHorizon(receivedAt);
        for (Map.Entry<String, List<Integer>> group : byLocation.entrySet()) {
            List<Integer> indexes = group.getValue();
            List<BedReport> locationReports = indexes.stream().map(reports::get).toList();
            List<String> locationHashes = indexes.stream().map(i -> hashes[i]).toList();
            ReportResult result;
            try {
                result = commands.send(new ReportBeds(LocationId.of(group.getKey()), locationReports, receivedAt,
                        horizon, locationHashes), group.getKey());
            } catch (nl.lpz.platform.web.ApiException e) {
                if (!CapacityProblems.UNKNOWN_LOCATION.equals(e.code())) {
                    throw e;
                }
                indexes.forEach(i -> outcomes[i] = unknownLocation(events.get(i)));
                continue;
            }
            for (int j = 0; j < indexes.size(); j++) {
                outcomes[indexes.get(j)] = result.outcomes().get(j);
            }
        }
        return answer(outcomes);
    }

    @PutMapping(path = "/api/v1/locations/{locationId}/beds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SnapshotAnswer> resync(@PathVariable String locationId, @RequestBody SnapshotRequest request,
                                          Caller caller) {
        caller.requireAny(Role.EPD_SYSTEM, Role.HOSPITAL);
        id(locationId, "locationId");
        Instant asOf = required(request.asOf(), "asOf").toInstant();
        List<BedEventBody> beds = required(request.beds(), "beds");
        List<BedSnapshotEntry> entries = new ArrayList<>(beds.size());
        for (int i = 0; i < beds.size(); i++) {
            String field = "beds[" + i + "]";
            BedEventBody bed = required(beds.get(i), field);
            if (bed.locationId() != null && !bed.locationId().equals(locationId)) {
                throw invalid(field + ".locationId must be the path's location " + locationId + " or absent");
            }
            BedEventBody withTime = bed.occurredAt() != null ? bed : new BedEventBody(bed.eventId(), bed.locationId(),
                    bed.departmentId(), bed.bedId(), bed.status(), bed.labels(), bed.patientCovidStatus(),
                    request.asOf());
            BedReport report = toReport(withTime, field);
            entries.add(new BedSnapshotEntry(report.departmentId(), report.bedId(), report.status(), report.labels(),
                    report.patientCovidStatus(), report.occurredAt()));
        }
        String owner = directory.owners(Set.of(locationId)).get(locationId);
        if (owner == null) {
            throw CapacityProblems.unknownLocation(locationId);
        }
        caller.requireOrganisation(owner);
        Instant receivedAt = clock.instant();
        ResyncResult result = commands.send(new ResyncBeds(LocationId.of(locationId), asOf, entries, receivedAt,
                receipts.backfillHorizon(receivedAt)), locationId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SnapshotAnswer(locationId, asOf, result.changed(),
                result.removed(), result.unchanged(), result.skippedNewerKnown()));
    }

    private static BedReport toReport(BedEventBody event, String field) {
        DepartmentId department = DepartmentId.of(id(event.departmentId(), field + ".departmentId"));
        BedId bed = BedId.of(id(event.bedId(), field + ".bedId"));
        BedStatus status = required(event.status(), field + ".status");
        LabelsBody labels = required(event.labels(), field + ".labels");
        String specialistisch = CapacityProblems.requiredText(labels.specialistisch(),
                field + ".labels.specialistisch", MAX_CODE);
        String specialisme = CapacityProblems.text(labels.specialisme(), field + ".labels.specialisme", MAX_CODE);
        boolean covid = required(labels.covid(), field + ".labels.covid");
        Instant occurredAt = required(event.occurredAt(), field + ".occurredAt").toInstant();
        return new BedReport(event.eventId(), department, bed, status,
                new BedLabels(specialistisch, specialisme, labels.snijdendBeschouwend(), covid),
                event.patientCovidStatus(), occurredAt);
    }

    private static Outcome unknownLocation(BedEventBody event) {
        return new Outcome(event.eventId(), Kind.REJECTED, CapacityProblems.UNKNOWN_LOCATION,
                "location " + event.locationId() + " is not registered");
    }

    private static ResponseEntity<BedEventsAnswer> answer(Outcome[] outcomes) {
        ReportBatches.Counts counts = ReportBatches.count(outcomes, "bed events");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new BedEventsAnswer(counts.accepted(),
                counts.duplicates(), counts.stale(), counts.rejected()));
    }
}
