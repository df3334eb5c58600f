package nl.lpz.capacity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.lpz.capacity.command.EventIdConflicts;
import nl.lpz.capacity.command.EventIdConflicts.SentReport;
import nl.lpz.capacity.command.ReportResult.Outcome;

/**
 * What a batch of bed events and a batch of module reports answer alike, because the sender's software handles both
 * the same way: the request refused whole when it reuses an event id, and otherwise the counts and the rejected
 * reports, or the problem of the first rejection when none was taken.
 */
final class ReportBatches {
    /** Ids named in a conflict's detail; the {@code eventIds} member lists all of them. */
    private static final int IDS_IN_DETAIL = 10;

    private ReportBatches() {
    }

    record Rejection(UUID eventId, String code, String detail) {
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
        if (rejected.size() == outcomes.length) {
            // a reused id is the sender's bug to fix first, whatever else the batch got wrong
            Rejection first = rejected.stream().filter(r -> CapacityProblems.EVENT_ID_CONFLICT.equals(r.code()))
                    .findFirst().orElse(rejected.get(0));
            throw CapacityProblems.refusal(first.code(), "all " + outcomes.length + " " + what + " were rejected; "
                    + "the first: " + first.detail(), Map.of("rejected", rejected));
        }
        return new Counts(accepted, duplicates, stale, rejected);
    }
}
