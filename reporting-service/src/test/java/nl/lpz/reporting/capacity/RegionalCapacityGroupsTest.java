package nl.lpz.reporting.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.lpz.events.codelist.LabelCodeList;
import nl.lpz.reporting.capacity.RegionalCapacity.ElementCapacity;
import nl.lpz.reporting.capacity.RegionalCapacity.Figures;
import nl.lpz.reporting.capacity.RegionalCapacity.GroupFigures;
import nl.lpz.reporting.capacity.RegionalCapacity.Groups;
import org.junit.jupiter.api.Test;

/** The regional picture's groups are sums of its element figures, so they carry the elements' threshold rule. */
class RegionalCapacityGroupsTest {
    private static final LabelCodeList CODE_LIST = LabelCodeList.current();

    private static ElementCapacity element(String code, int capacity, int available, Integer availableShared) {
        return new ElementCapacity(code, CODE_LIST.isIcu(code), capacity, available, capacity - available,
                new Figures(0, 0, 0), new Figures(capacity, available, capacity - available),
                availableShared == null ? null : 0, availableShared);
    }

    @Test
    void givenElementsAsAnotherOrganisationSeesThem_whenGrouped_thenPicuAndNicuAreOfIcuAndClinicIsTheRest() {
        Groups g = Groups.of(List.of(element("IC_BEADEMD", 4, 1, null), element("PICU", 3, 1, null),
                element("NICU", 2, 0, null), element("KLINIEK_KINDEREN", 5, 2, null)), CODE_LIST, false);

        assertThat(g.icu()).isEqualTo(new GroupFigures(9, 2, 7, null));
        assertThat(g.picu()).isEqualTo(new GroupFigures(3, 1, 2, null));
        assertThat(g.nicu()).isEqualTo(new GroupFigures(2, 0, 2, null));
        assertThat(g.clinic()).isEqualTo(new GroupFigures(5, 2, 3, null));
    }

    @Test
    void givenTheOwnLocation_whenGrouped_thenAvailableIsRawAndAvailableSharedIsWhatOthersSee_zeroWithoutBeds() {
        Groups g = Groups.of(List.of(element("PICU", 3, 2, 1), element("KLINIEK_VOLWASSENEN", 1, 1, 1)),
                CODE_LIST, true);

        assertThat(g.picu()).isEqualTo(new GroupFigures(3, 2, 1, 1));
        assertThat(g.icu()).isEqualTo(new GroupFigures(3, 2, 1, 1));
        assertThat(g.nicu()).isEqualTo(new GroupFigures(0, 0, 0, 0));
        assertThat(g.clinic()).isEqualTo(new GroupFigures(1, 1, 0, 1));
    }
}
