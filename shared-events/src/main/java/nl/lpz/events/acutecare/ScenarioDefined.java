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
 */
@Revision("1")
public record ScenarioDefined(String scenarioId, String name, String scope, String careKind, List<SehSite> baseline,
                              List<String> closeSeh, List<SehSite> openSeh, Instant definedAt, Actor definedBy) {
    public ScenarioDefined {
        baseline = List.copyOf(baseline);
        closeSeh = List.copyOf(closeSeh);
        openSeh = List.copyOf(openSeh);
    }
}
