package nl.lpz.capacity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A hospital organisation's visibility (schaduwdraaien). It exists from its first visibility decision; before that
 * the organisation is hidden.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
class Organisation {
    static final String ID_PREFIX = "organisation:";

    @AggregateIdentifier
    private String aggregateId;
    private OrganisationId organisationId;
    private boolean shared;
    private boolean releaseHistory;

    Organisation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(SetVisibility command) {
        if (organisationId != null && shared == command.shared() && releaseHistory == command.releaseHistory()) {
            return false;
        }
        apply(Projectable.require(new VisibilityChanged(command.organisationId(), command.shared(),
                command.releaseHistory(), command.requestedAt(), command.actor())));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(EstablishDefaultVisibility command) {
        if (organisationId != null) {
            return false;
        }
        apply(Projectable.require(new VisibilityChanged(command.organisationId(), command.shared(),
                command.releaseHistory(), command.requestedAt(), command.actor())));
        return true;
    }

    /**
     * The event store keys aggregates by identifier alone, and an organisation id is often also a location id
     * (ziekenhuisnummer 100101 of organisatienummer 100101), so the Organisation's events live under a prefixed id.
     */
    static String aggregateId(OrganisationId organisationId) {
        return ID_PREFIX + organisationId.value();
    }

    @EventSourcingHandler
    void on(VisibilityChanged event) {
        aggregateId = aggregateId(event.organisationId());
        organisationId = event.organisationId();
        shared = event.shared();
        releaseHistory = event.releaseHistory();
    }
}
