package nl.lpz.capacity.web;

import static nl.lpz.capacity.web.CapacityProblems.id;
import static nl.lpz.capacity.web.CapacityProblems.invalid;
import static nl.lpz.capacity.web.CapacityProblems.required;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.ModulePassage;
import nl.lpz.capacity.command.ReceiptSettings;
import nl.lpz.capacity.command.RecordModulePassages;
import nl.lpz.capacity.query.LocationDirectory;
import nl.lpz.contract.Role;
import nl.lpz.modules.FigureViolation;
import nl.lpz.modules.ModuleCatalogue;
import nl.lpz.modules.ModuleDefinition;
import nl.lpz.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The module core's write path for lead times (docs/modules.md): patient passages through the units of any module
 * whose unit kind declares {@code passages}, in batches of 1..1000, taken exactly as module reports are
 * ({@link ModuleReportsController}): the request checked as a whole first (structure: 400; the module: 404/422;
 * authorisation: 403; an event id reused with other content: 409; nothing written), then each passage's moments
 * checked with the module's current definition ({@code ModuleDefinition.checkPassage}; a passage that does not fit
 * is rejected with its code), each provider's passages one command and one transaction, the answer sent after every
 * transaction committed. A passage names no patient: its object is closed, so nothing but its moments can enter.
 */
@RestController
@Tag(name = "modules")
class ModulePassagesController {
    static final int MAX_PASSAGES = 1000;
    /** The keys a passage may hold; any other is refused, so that no patient identity can be sent along. */
    static final List<String> PASSAGE_KEYS = List.of("eventId", "providerId", "unitKind", "unitId", "moments");

    private final CommandSender commands;
    private final LocationDirectory directory;
    private final EventIdConflicts conflicts;
    private final ReceiptSettings receipts;
    private final ModuleCatalogue catalogue;
    private final Clock clock;

    ModulePassagesController(CommandSender commands, LocationDirectory directory, EventIdConflicts conflicts,
                             ReceiptSettings receipts, ModuleCatalogue catalogue, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.conflicts = conflicts;
        this.receipts = receipts;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * One passage as sent, a {@link ClosedObject}: any key beside its five is refused, so that no patient identity can
     * be sent along.
     */
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    static final class ModulePassageBody extends ClosedObject {
        private final UUID eventId;
        private final String providerId;
        private final String unitKind;
        private final String unitId;
        private final Map<String, OffsetDateTime> moments;

        @JsonCreator
        ModulePassageBody(@JsonProperty("eventId") UUID eventId, @JsonProperty("providerId") String providerId,
                          @JsonProperty("unitKind") String unitKind, @JsonProperty("unitId") String unitId,
                          @JsonProperty("moments") Map<String, OffsetDateTime> moments) {
            this.eventId = eventId;
            this.providerId = providerId;
            this.unitKind = unitKind;
            this.unitId = unitId;
            this.moments = moments;
        }

        @JsonProperty
        public UUID eventId() {
            return eventId;
        }

        @JsonProperty
        @Schema(description = "a registered location id")
        public String providerId() {
            return providerId;
        }

        @JsonProperty
        @Schema(description = "a unit kind of the module that keeps lead times")
        public String unitKind() {
            return unitKind;
        }

        @JsonProperty
        @Schema(description = "the sender's name for the unit, an id")
        public String unitId() {
            return unitId;
        }

        @JsonProperty
        @Schema(description = "the moments the passage reached, by the unit kind's moment names, each an ISO-8601 "
                + "instant with offset; the first moment is required")
        public Map<String, OffsetDateTime> moments() {
            return moments;
        }
    }

    record ModulePassagesRequest(List<ModulePassageBody> passages) {
    }

    record ModulePassagesAnswer(long accepted, long duplicates, List<ReportBatches.Rejection> rejected) {
    }

    @Operation(summary = "Patient passages through a module's units, for lead times (batch of 1..1000), from "
            + "EPD_SYSTEM or HOSPITAL",
            description = "A passage is {eventId, providerId, unitKind, unitId, moments:{moment: instant}} and nothing "
                    + "else: no patient identity. 202 {accepted, duplicates, rejected:[{eventId, code, detail}]}. "
                    + "Whole request: 400 INVALID_FIELD/INVALID_ID/MALFORMED_REQUEST (also any key of a passage "
                    + "other than those five), 404 UNKNOWN_MODULE, 422 PROVIDER_KIND_NOT_ALLOWED, 403 "
                    + "FORBIDDEN_ROLE/FORBIDDEN_ORGANISATION, 409 EVENT_ID_CONFLICT (with eventIds). Per passage: "
                    + "UNKNOWN_LOCATION, OCCURRED_TOO_EARLY, OCCURRED_IN_FUTURE (any moment), EVENT_ID_CONFLICT and "
                    + "the definition's codes UNKNOWN_UNIT_KIND, NO_PASSAGES, UNKNOWN_MOMENT, MISSING_MOMENT, "
                    + "MOMENTS_OUT_OF_ORDER; when every passage is rejected, the problem of the first (400, 404 "
                    + "UNKNOWN_LOCATION, 409).")
    @PostMapping(path = "/api/v1/modules/{moduleId}/passages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ModulePassagesAnswer> recordPassages(@PathVariable String moduleId,
                                                        @RequestBody ModulePassagesRequest request,
                                                        @Parameter(hidden = true) Caller caller) {
        caller.requireAny(Role.EPD_SYSTEM, Role.HOSPITAL);
        ModuleDefinition definition = ModuleReportsController.writable(catalogue, moduleId);
        List<ModulePassageBody> bodies = required(request.passages(), "passages");
        if (bodies.isEmpty() || bodies.size() > MAX_PASSAGES) {
            throw invalid("passages must hold 1 to " + MAX_PASSAGES + " passages, not " + bodies.size());
        }
        List<Map<String, Instant>> sentMoments = new ArrayList<>(bodies.size());
        Set<String> providerIds = new LinkedHashSet<>();
        for (int i = 0; i < bodies.size(); i++) {
            String field = "passages[" + i + "]";
            ModulePassageBody body = required(bodies.get(i), field);
            CapacityProblems.requireClosed(body.unexpectedKeys(), field, PASSAGE_KEYS, "a patient");
            required(body.eventId(), field + ".eventId");
            providerIds.add(id(body.providerId(), field + ".providerId"));
            id(body.unitKind(), field + ".unitKind");
            id(body.unitId(), field + ".unitId");
            sentMoments.add(moments(required(body.moments(), field + ".moments"), field + ".moments"));
        }
        Map<String, String> owners = directory.owners(providerIds);
        owners.values().stream().distinct().forEach(caller::requireOrganisation);

        ReportBatches.ModuleBatch<ModulePassage> batch = new ReportBatches.ModuleBatch<>(definition.id(), owners,
                bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            ModulePassageBody body = bodies.get(i);
            if (!batch.registered(i, body.eventId(), body.providerId())) {
                continue;
            }
            Optional<FigureViolation> violation = definition.checkPassage(body.unitKind(), sentMoments.get(i));
            if (violation.isPresent()) {
                batch.reject(i, body.eventId(), violation.get().code(), violation.get().detail());
                continue;
            }
            batch.take(i, body.providerId(), new ModulePassage(body.eventId(), body.unitKind(), body.unitId(),
                    inDefinitionOrder(definition, body.unitKind(), sentMoments.get(i))));
        }
        ReportBatches.Counts counts = batch.send(conflicts, receipts, clock, "passages",
                (provider, owner, passages, hashes, receivedAt, horizon) -> commands.send(new RecordModulePassages(
                        provider, definition.version(), ModuleReportsController.REGISTERED_KIND, owner, passages,
                        receivedAt, horizon, hashes), provider.providerId()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ModulePassagesAnswer(counts.accepted(),
                counts.duplicates(), counts.rejected()));
    }

    /**
     * The moments as instants, in the order sent; a moment sent as null is one not reached (as a null optional figure
     * of a report is absent). Every name is one a definition could hold (short, storable), so that the definition's
     * answer may quote it.
     */
    private static Map<String, Instant> moments(Map<String, OffsetDateTime> sent, String field) {
        Map<String, Instant> moments = new LinkedHashMap<>();
        for (Map.Entry<String, OffsetDateTime> moment : sent.entrySet()) {
            CapacityProblems.requiredText(moment.getKey(), field + " (a moment name)",
                    ModuleReportsController.MAX_FIGURE_TEXT);
            if (moment.getValue() != null) {
                moments.put(moment.getKey(), moment.getValue().toInstant());
            }
        }
        return moments;
    }

    /** Moments the definition accepted, in its order, so the event reads like the definition. */
    private static Map<String, Instant> inDefinitionOrder(ModuleDefinition definition, String unitKind,
                                                          Map<String, Instant> moments) {
        Map<String, Instant> ordered = new LinkedHashMap<>();
        for (String name : definition.unit(unitKind).orElseThrow().passages().moments()) {
            if (moments.containsKey(name)) {
                ordered.put(name, moments.get(name));
            }
        }
        return ordered;
    }
}
