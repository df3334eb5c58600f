package nl.lpz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import nl.lpz.events.ids.Ids;
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

    @Test
    void givenRandomStrings_whenChecked_thenTheCheckAgreesWithThePublishedPattern() {
        Pattern pattern = Pattern.compile(Ids.PATTERN);
        // the allowed characters, their neighbours in ASCII, and look-alikes outside it (fullwidth digit, Arabic-Indic
        // digit, Latin letters with accents, Kelvin sign, dotless i) that a Character.isLetterOrDigit check would admit
        String alphabet = "aAzZ09._-/:@[`{~ \t\u0000\u007f\uff10\u0660\u00e9\u00c9\u212a\u0131";
        Random random = new Random(20261206);
        for (int n = 0; n < 20_000; n++) {
            int length = random.nextInt(70);
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < length; i++) {
                value.append(random.nextInt(4) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(8)));
            }
            String id = value.toString();
            assertThat(Ids.isValid(id)).as("'%s'", id).isEqualTo(pattern.matcher(id).matches());
        }
    }
}
