package nl.lpz.capacity.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.lpz.capacity.command.RegisterLocation;
import nl.lpz.events.capacity.CareKind;
import nl.lpz.events.capacity.CareProfile;
import org.junit.jupiter.api.Test;

class ReferenceCareProfilesTest {
    private final List<RegisterLocation> rows = ReferenceTopologyLoader.read(Instant.EPOCH);

    private List<CareProfile> profiles() {
        return rows.stream().map(r -> ReferenceCareProfiles.of(r.locationId().value(), r.locationType(),
                r.careOffered())).toList();
    }

    @Test
    void givenTheReferenceLocations_thenEveryLevelFitsTheCareOffered() {
        for (RegisterLocation row : rows) {
            CareProfile profile = ReferenceCareProfiles.of(row.locationId().value(), row.locationType(),
                    row.careOffered());
            if (profile.traumaLevel() != null) {
                assertThat(row.careOffered()).as(row.name()).contains(CareKind.SEH);
            }
            if (profile.obstetricsLevel() != null) {
                assertThat(row.careOffered()).as(row.name()).contains(CareKind.VERLOSKUNDE);
            }
        }
    }

    @Test
    void givenTheReferenceLocations_thenTheNationalCountsAreNearTheRealDesignations() {
        List<CareProfile> profiles = profiles();
        // the Netherlands has 11 level-1 trauma centres (one per trauma region; 8 academic sites carry it here),
        // about 18 IAT centres, 10 NICUs and 7 PICU locations
        assertThat(profiles.stream().filter(p -> Integer.valueOf(1).equals(p.traumaLevel())).count())
                .isBetween(7L, 11L);
        assertThat(profiles.stream().filter(CareProfile::strokeIat).count()).isBetween(15L, 30L);
        assertThat(profiles.stream().filter(p -> Integer.valueOf(3).equals(p.nicuLevel())).count())
                .isBetween(7L, 12L);
        assertThat(profiles.stream().filter(CareProfile::picu).count()).isBetween(7L, 16L);
    }

    @Test
    void givenAnOutpatientClinic_thenItHasNoProfile() {
        assertThat(ReferenceCareProfiles.of("100202", "Buitenpolikliniek", java.util.Set.of()))
                .isEqualTo(CareProfile.NONE);
    }
}
