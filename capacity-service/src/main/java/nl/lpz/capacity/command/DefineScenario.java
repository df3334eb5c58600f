package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines an acute-care map scenario against the emergency departments of now ({@code baseline}); the edge checked
 * the closed locations against it and the author's region.
 */
public record DefineScenario(@TargetAggregateIdentifier ScenarioId scenarioId, String name, String scope,
                             String careKind, List<SehSite> baseline, List<String> closeSeh, List<SehSite> openSeh,
                             Instant requestedAt, Actor actor) {
    public DefineScenario {
        baseline = List.copyOf(baseline);
        closeSeh = List.copyOf(closeSeh);
        openSeh = List.copyOf(openSeh);
    }
}
