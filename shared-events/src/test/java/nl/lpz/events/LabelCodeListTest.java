package nl.lpz.events;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.events.codelist.LabelCodeList;
import org.junit.jupiter.api.Test;

class LabelCodeListTest {
    @Test
    void givenVersion1_thenIcuElementsAreFlaggedAndListedFirst() {
        LabelCodeList list = LabelCodeList.current();
        assertThat(list.version()).isEqualTo("1");
        assertThat(list.isIcu("IC_BEADEMD")).isTrue();
        assertThat(list.isIcu("KLINIEK_VOLWASSENEN")).isFalse();
        assertThat(list.specialistisch("NOT_AN_ELEMENT")).isEmpty();
        assertThat(list.isSpecialisme("CARDIOLOGIE")).isTrue();
        assertThat(list.displayOrder()).startsWith("IC_BEADEMD", "IC_NIET_BEADEMD", "PICU", "NICU");
        assertThat(list.specialistisch()).hasSize(16);
    }
}
