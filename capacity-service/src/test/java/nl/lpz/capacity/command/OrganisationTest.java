package nl.lpz.capacity.command;

import java.time.Instant;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.VisibilityChanged;
import nl.lpz.events.ids.OrganisationId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationTest {
    static final OrganisationId ORG = OrganisationId.of("100101");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Actor HOSPITAL = new Actor("coordinator", "100101");

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    @Test
    void givenNothing_whenSetVisibilityShared_thenVisibilityChanged() {
        fixture.givenNoPriorActivity()
                .when(new SetVisibility(ORG, true, false, NOW, HOSPITAL))
                .expectEvents(new VisibilityChanged(ORG, true, false, NOW, HOSPITAL))
                .expectResultMessagePayload(true);
    }

    @Test
    void givenShared_whenSetSameVisibility_thenNoEvent() {
        fixture.given(new VisibilityChanged(ORG, true, false, NOW, HOSPITAL))
                .when(new SetVisibility(ORG, true, false, NOW, HOSPITAL))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void givenShared_whenHidden_thenVisibilityChangedHidden() {
        fixture.given(new VisibilityChanged(ORG, true, true, NOW, HOSPITAL))
                .when(new SetVisibility(ORG, false, false, NOW.plusSeconds(60), HOSPITAL))
                .expectEvents(new VisibilityChanged(ORG, false, false, NOW.plusSeconds(60), HOSPITAL));
    }

    @Test
    void givenNothing_whenEstablishDefaultVisibility_thenSharedWithHistory() {
        fixture.givenNoPriorActivity()
                .when(new EstablishDefaultVisibility(ORG, true, true, NOW, Actor.SYSTEM))
                .expectEvents(new VisibilityChanged(ORG, true, true, NOW, Actor.SYSTEM));
    }

    @Test
    void givenHospitalHidItself_whenEstablishDefaultVisibilityAgain_thenNoEvent() {
        fixture.given(new VisibilityChanged(ORG, false, false, NOW, HOSPITAL))
                .when(new EstablishDefaultVisibility(ORG, true, true, NOW.plusSeconds(60), Actor.SYSTEM))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }
}
