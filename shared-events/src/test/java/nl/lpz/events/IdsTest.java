package nl.lpz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.lpz.events.ids.InvalidIdException;
import nl.lpz.events.ids.LocationId;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void givenAnIdOfTheContractPattern_thenItIsAcceptedAndWrittenAsABareString() {
        assertThat(new String(EventJson.toBytes(LocationId.of("100101")))).isEqualTo("\"100101\"");
        assertThat(LocationId.of("a.B_c-9").value()).isEqualTo("a.B_c-9");
    }

    @Test
    void givenAnIdOutsideThePattern_thenItIsRefused() {
        assertThatThrownBy(() -> LocationId.of("has space")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> LocationId.of("x".repeat(65))).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> LocationId.of("")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> LocationId.of(null)).isInstanceOf(InvalidIdException.class);
    }
}
