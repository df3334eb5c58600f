package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import nl.lpz.events.acutecare.ScenarioDefined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An acute-care map scenario (LAZK): a planned change of the acute offer, defined once against the emergency
 * departments of its day. Event-sourced like the rest, so its definition (and with the model, its result) is the same
 * whenever it is read again; a new version of a scenario is a new scenario.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
class Scenario {
    @AggregateIdentifier
    private ScenarioId scenarioId;

    Scenario() {
        // for Axon
    }

    @CommandHandler
    Scenario(DefineScenario command) {
        apply(Projectable.require(new ScenarioDefined(command.scenarioId().scenarioId(), command.name(),
                command.scope(), command.careKind(), command.baseline(), command.closeSeh(), command.openSeh(),
                command.requestedAt(), command.actor(), command.limitHours(), command.measuredArrivals())));
    }

    @EventSourcingHandler
    void on(ScenarioDefined event) {
        scenarioId = ScenarioId.of(event.scenarioId());
    }
}
