package nl.lpz.capacity.web;

import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.EventIdConflicts.SentReport;
import nl.lpz.capacity.command.ModuleBatchItem;
import nl.lpz.capacity.command.ModuleProviderId;
import nl.lpz.capacity.command.ReceiptSettings;
import nl.lpz.capacity.command.ReportResult;
import nl.lpz.capacity.command.ReportResult.Kind;
import nl.lpz.capacity.command.ReportResult.Outcome;
import nl.lpz.events.ids.OrganisationId;

/**
 * What a batch of bed events and a batch of module reports answer alike, because the sender's software handles both
 * the same way: the request refused whole when it reuses an event id, and otherwise the counts and the rejected
 * reports, or the problem of the first rejection when none was taken.
 */
final class ReportBatches {
    static final String INGEST = "lpz.ingest.items";
    /** Ids named in a conflict's detail; the {@code eventIds} member lists all of them. */
    private static final int IDS_IN_DETAIL = 10;

    private ReportBatches() {
    }

    record Rejection(UUID eventId, String code, String detail) {
    }

    /** An item rejected at the edge, before any command. */
    static Outcome rejected(UUID eventId, String code, String detail) {
        return new Outcome(eventId, Kind.REJECTED, code, detail);
    }

    record Counts(long accepted, long duplicates, long stale, List<Rejection> rejected) {
    }

    /**
     * An id reused with other content refuses the whole request before any command runs: the request may span
     * several transactions, and a half-applied one would leave the sender unsure what the id now means.
     */
    static void requireNoEventIdConflict(EventIdConflicts conflicts, List<SentReport> sent) {
        Set<UUID> conflicting = conflicts.find(sent);
        if (conflicting.isEmpty()) {
            return;
        }
        List<String> ids = conflicting.stream().map(UUID::toString).toList();
        String named = String.join(", ", ids.subList(0, Math.min(ids.size(), IDS_IN_DETAIL)))
                + (ids.size() > IDS_IN_DETAIL ? " and " + (ids.size() - IDS_IN_DETAIL) + " more" : "");
        throw CapacityProblems.refusal(CapacityProblems.EVENT_ID_CONFLICT, "event id(s) " + named + " were sent "
                + "before, or twice in this request, with other content; nothing of this request was written",
                Map.of("eventIds", ids));
    }

    /** The counts of a batch whose outcomes these are; {@code what} names the reports in the problem's detail. */
    static Counts count(Outcome[] outcomes, String what) {
        long accepted = 0;
        long duplicates = 0;
        long stale = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome.kind()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case STALE -> stale++;
                default -> rejected.add(new Rejection(outcome.eventId(), outcome.code(), outcome.detail()));
            }
        }
        countIngest(what, accepted, duplicates, stale, rejected);
        if (rejected.size() == outcomes.length) {
            // a reused id is the sender's bug to fix first, whatever else the batch got wrong
            Rejection first = rejected.stream().filter(r -> CapacityProblems.EVENT_ID_CONFLICT.equals(r.code()))
                    .findFirst().orElse(rejected.get(0));
            throw CapacityProblems.refusal(first.code(), "all " + outcomes.length + " " + what + " were rejected; "
                    + "the first: " + first.detail(), Map.of("rejected", rejected));
        }
        return new Counts(accepted, duplicates, stale, rejected);
    }

    /**
     * The operator's ingest figures (docs/operations.md): {@code lpz.ingest.items} by what was sent, outcome and, for a
     * rejection, its code. Spring Boot adds its registries to Micrometer's global one, so the counts reach
     * /actuator/prometheus from this static point every batch passes.
     */
    private static void countIngest(String what, long accepted, long duplicates, long stale,
                                    List<Rejection> rejected) {
        Metrics.counter(INGEST, "what", what, "outcome", "accepted", "code", "").increment(accepted);
        Metrics.counter(INGEST, "what", what, "outcome", "duplicate", "code", "").increment(duplicates);
        Metrics.counter(INGEST, "what", what, "outcome", "stale", "code", "").increment(stale);
        rejected.forEach(r -> Metrics.counter(INGEST, "what", what, "outcome", "rejected", "code", r.code())
                .increment());
    }

    /**
     * One provider's items of a module request, as its command: the module core sends one command per provider, in
     * one transaction each.
     */
    @FunctionalInterface
    interface ProviderCommand<T extends ModuleBatchItem> {
        ReportResult send(ModuleProviderId provider, OrganisationId owner, List<T> items, List<String> payloadHashes,
                          Instant receivedAt, Instant backfillHorizon);
    }

    /**
     * The items of one module request (reports or passages) between the edge's checks and the providers' commands:
     * each is rejected here or taken with its provider; {@link #send} then refuses the whole request for a reused
     * event id, sends one command per provider and counts the outcomes.
     */
    static final class ModuleBatch<T extends ModuleBatchItem> {
        private final String moduleId;
        private final Map<String, String> owners;
        private final Outcome[] outcomes;
        private final List<T> items;
        private final List<String> hashes;
        private final Map<String, List<Integer>> byProvider = new LinkedHashMap<>();
        private final List<SentReport> toCheck = new ArrayList<>();

        /** @param owners the owning organisation of each provider id of the request that is a registered location */
        ModuleBatch(String moduleId, Map<String, String> owners, int size) {
            this.moduleId = moduleId;
            this.owners = owners;
            this.outcomes = new Outcome[size];
            this.items = new ArrayList<>(Collections.nCopies(size, null));
            this.hashes = new ArrayList<>(Collections.nCopies(size, null));
        }

        /** Whether the provider of item {@code i} is registered; if not, the item is rejected. */
        boolean registered(int i, UUID eventId, String providerId) {
            if (owners.containsKey(providerId)) {
                return true;
            }
            reject(i, eventId, CapacityProblems.UNKNOWN_LOCATION, "provider " + providerId
                    + " is not a registered location");
            return false;
        }

        void reject(int i, UUID eventId, String code, String detail) {
            outcomes[i] = rejected(eventId, code, detail);
        }

        /** Item {@code i}, checked, goes to its (registered) provider's command. */
        void take(int i, String providerId, T item) {
            String hash = item.payloadHash(ModuleProviderId.of(moduleId, providerId));
            items.set(i, item);
            hashes.set(i, hash);
            toCheck.add(new SentReport(OrganisationId.of(owners.get(providerId)), item.eventId(), item.occurredAt(),
                    hash));
            byProvider.computeIfAbsent(providerId, k -> new ArrayList<>()).add(i);
        }

        /** {@code what} names the items in a problem's detail. */
        Counts send(EventIdConflicts conflicts, ReceiptSettings receipts, Clock clock, String what,
                    ProviderCommand<T> command) {
            requireNoEventIdConflict(conflicts, toCheck);
            Instant receivedAt = clock.instant();
            Instant horizon = receipts.backfillHorizon(receivedAt);
            for (Map.Entry<String, List<Integer>> group : byProvider.entrySet()) {
                List<Integer> indexes = group.getValue();
                ReportResult result = command.send(ModuleProviderId.of(moduleId, group.getKey()),
                        OrganisationId.of(owners.get(group.getKey())), indexes.stream().map(items::get).toList(),
                        indexes.stream().map(hashes::get).toList(), receivedAt, horizon);
                for (int j = 0; j < indexes.size(); j++) {
                    outcomes[indexes.get(j)] = result.outcomes().get(j);
                }
            }
            return count(outcomes, what);
        }
    }
}
