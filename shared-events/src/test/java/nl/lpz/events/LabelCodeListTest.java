package nl.lpz.events;

import static org.assertj.core.api.Assertions.assertThat;

import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.events.codelist.LabelCodeList.ChildrenIcu;
import nl.lpz.events.codelist.LabelCodeList.SpecialistischElement;
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

    @Test
    void givenVersion1_whenAskedForTheChildrensIcuGroups_thenTheyFollowTheEdxlBedTypeOfTheIcuElements() {
        LabelCodeList list = LabelCodeList.current();
        assertThat(list.childrenIcu("PICU")).contains(ChildrenIcu.PICU);
        assertThat(list.childrenIcu("NICU")).contains(ChildrenIcu.NICU);
        assertThat(list.elementsOf(ChildrenIcu.PICU)).containsExactly("PICU");
        assertThat(list.elementsOf(ChildrenIcu.NICU)).containsExactly("NICU");
        // adult ICU, a paediatric ward bed (EDXL Pediatrics) and neonatal high care (not ICU) are in no group
        assertThat(list.childrenIcu("IC_BEADEMD")).isEmpty();
        assertThat(list.childrenIcu("KLINIEK_KINDEREN")).isEmpty();
        assertThat(list.childrenIcu("NEONATOLOGIE_HC")).isEmpty();
        assertThat(list.childrenIcu("NOT_AN_ELEMENT")).isEmpty();
        // every group member is an ICU element: the groups are "of which" subsets of ICU
        for (ChildrenIcu group : ChildrenIcu.values()) {
            assertThat(list.elementsOf(group)).allMatch(list::isIcu);
        }
    }

    @Test
    void givenANonIcuElementWithAChildrensIcuBedType_thenItIsInNoGroup() {
        assertThat(new SpecialistischElement("X", "x", "x", false, "PediatricICU").childrenIcu()).isEmpty();
        assertThat(new SpecialistischElement("Y", "y", "y", true, "NeonatalICU").childrenIcu())
                .contains(ChildrenIcu.NICU);
    }
}
