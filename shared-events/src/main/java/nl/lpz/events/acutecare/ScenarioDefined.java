package nl.lpz.events.acutecare;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.capacity.Actor;
import org.axonframework.serialization.Revision;

/**
 * An acute-care map scenario (LAZK) was defined: which sites of one kind of acute care ({@code careKind}: {@code SEH},
 * emergency departments, or {@code VERLOSKUNDE}, acute obstetrics) it closes or opens, against the sites of the
 * topology as they stood when it was defined ({@code baseline}, with their points), so that its result is the same
 * whenever it is computed again. {@code scope}: the ROAZ region of its author (null: national). Kept in the event
 * store; not published (no read model consumes it yet).
 * <p>
 * Revision 2 added {@code limitHours} (sites kept open only part of the day) and {@code measuredArrivals} (the closed
 * and limited sites' ED arrivals from the Spoed module when it was defined, for the receiving EDs' inflow). Both are
 * additive: a revision 1 event reads as one without limits and without measured arrivals, so no upcaster is needed.
 */
@Revision("2")
public record ScenarioDefined(String scenarioId, String name, String scope, String careKind, List<SehSite> baseline,
                              List<String> closeSeh, List<SehSite> openSeh, Instant definedAt, Actor definedBy,
                              List<LimitedHours> limitHours, List<MeasuredArrivals> measuredArrivals) {
    public ScenarioDefined {
        baseline = List.copyOf(baseline);
        closeSeh = List.copyOf(closeSeh);
        openSeh = List.copyOf(openSeh);
        limitHours = limitHours == null ? List.of() : List.copyOf(limitHours);
        measuredArrivals = measuredArrivals == null ? List.of() : List.copyOf(measuredArrivals);
    }
}
