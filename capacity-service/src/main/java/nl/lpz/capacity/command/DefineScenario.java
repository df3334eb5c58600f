package nl.lpz.capacity.command;

import java.time.Instant;
import java.util.List;
import nl.lpz.events.acutecare.LimitedHours;
import nl.lpz.events.acutecare.MeasuredArrivals;
import nl.lpz.events.acutecare.SehSite;
import nl.lpz.events.capacity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines an acute-care map scenario against the emergency departments of now ({@code baseline}) and the closed and
 * limited ones' arrivals as the Spoed module measured them ({@code measuredArrivals}); the edge checked the closed and
 * limited locations against the baseline and the author's region.
 */
public record DefineScenario(@TargetAggregateIdentifier ScenarioId scenarioId, String name, String scope,
                             String careKind, List<SehSite> baseline, List<String> closeSeh, List<SehSite> openSeh,
                             List<LimitedHours> limitHours, List<MeasuredArrivals> measuredArrivals,
                             Instant requestedAt, Actor actor) {
    public DefineScenario {
        baseline = List.copyOf(baseline);
        closeSeh = List.copyOf(closeSeh);
        openSeh = List.copyOf(openSeh);
        limitHours = List.copyOf(limitHours);
        measuredArrivals = List.copyOf(measuredArrivals);
    }
}
