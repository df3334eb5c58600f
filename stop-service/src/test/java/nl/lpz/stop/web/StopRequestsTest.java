package nl.lpz.stop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import nl.lpz.events.capacity.CareKind;
import org.junit.jupiter.api.Test;

class StopRequestsTest {

    @Test
    void givenTheOpenapiDescriptionOfAKind_thenItNamesEveryKindWithItsNationalNormTime() {
        for (CareKind kind : CareKind.values()) {
            long hours = kind.defaultNormTime().toHours();
            assertThat(kind.defaultNormTime().toMinutes()).as("%s: the description counts whole hours", kind)
                    .isEqualTo(hours * 60);
            assertThat(StopRequests.KIND).as("%s with its norm time", kind)
                    .containsPattern(Pattern.compile("\\b" + kind.name() + " \\([^)]*\\) " + hours + " h\\b"));
        }
        assertThat(StopRequests.KIND).contains("presentatiestop");
    }
}
