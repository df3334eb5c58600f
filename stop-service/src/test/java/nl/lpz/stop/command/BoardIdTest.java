package nl.lpz.stop.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import nl.lpz.events.capacity.Actor;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.ids.Ids;
import nl.lpz.events.ids.LocationId;
import nl.lpz.events.ids.OrganisationId;
import nl.lpz.events.ids.RoazRegionId;
import nl.lpz.events.ids.SafetyRegionId;
import nl.lpz.events.stops.StopType;
import nl.lpz.stop.command.Commands.DeclareStop;
import nl.lpz.stop.command.Commands.EndStop;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.junit.jupiter.api.Test;

class BoardIdTest {
    private static final BoardId BOARD = BoardId.of(SafetyRegionId.of("VR13"), CareKind.SEH);
    private static final Actor HOSPITAL = new Actor("seh-a", "org-a");

    @Test
    void givenABoardId_whenAxonResolvesTheTargetOfACommand_thenItIsTheStringStoredBeforeTheIdWasTyped() {
        AnnotationCommandTargetResolver resolver = AnnotationCommandTargetResolver.builder().build();
        DeclareStop declare = new DeclareStop(BOARD, BOARD.newMemberId(), LocationId.of("loc-a"),
                OrganisationId.of("org-a"), RoazRegionId.of("ROAZ-NHF"), StopType.UNPLANNED, Duration.ofHours(1),
                Duration.ofHours(2), false, "piek", null, Set.of(LocationId.of("loc-a")), HOSPITAL);
        EndStop end = new EndStop(BOARD, BOARD.newMemberId(), null, HOSPITAL);

        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(declare)).getIdentifier())
                .isEqualTo("VR13/SEH");
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(end)).getIdentifier())
                .isEqualTo("VR13/SEH");
        assertThat(BOARD).hasToString(BOARD.value());
    }

    @Test
    void givenAMemberIdOfTheBoard_whenItsBoardIsAsked_thenItIsTheSameBoard() {
        assertThat(BoardId.ofMemberId(BOARD.newMemberId())).contains(BOARD);
        assertThat(BoardId.ofMemberId("VR13.SEH.not-32-hex")).isEmpty();
        assertThat(BoardId.ofMemberId("VR13.NOPE.0123456789abcdef0123456789abcdef")).isEmpty();
        assertThat(BoardId.ofMemberId(null)).isEmpty();
    }

    @Test
    void givenEveryKindInEveryVeiligheidsregio_whenAMemberIdIsMade_thenItIsAValidIdOfItsBoard() {
        // the longest kind name (VERLOSKUNDE) still leaves stop ids well inside the contract's 64 characters
        for (int vr = 1; vr <= 25; vr++) {
            for (CareKind kind : CareKind.values()) {
                BoardId board = BoardId.of(SafetyRegionId.of(String.format("VR%02d", vr)), kind);
                String memberId = board.newMemberId();
                assertThat(Ids.isValid(memberId)).as(memberId).isTrue();
                assertThat(BoardId.ofMemberId(memberId)).contains(board);
            }
        }
        assertThat(BoardId.of(SafetyRegionId.of("VR06"), CareKind.VERLOSKUNDE).value()).isEqualTo("VR06/VERLOSKUNDE");
    }

    @Test
    void givenAMissingPart_whenABoardIdIsMade_thenItIsRefused() {
        assertThatThrownBy(() -> BoardId.of(null, CareKind.SEH)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BoardId.of(SafetyRegionId.of("VR13"), null))
                .isInstanceOf(NullPointerException.class);
    }
}
