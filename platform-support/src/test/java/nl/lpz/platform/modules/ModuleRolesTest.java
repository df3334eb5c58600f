package nl.lpz.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nl.lpz.contract.Role;
import nl.lpz.modules.ModuleCatalogue;
import org.junit.jupiter.api.Test;

/** shared-events cannot see http-contract, so the catalogue keeps the role names itself: they must stay the same. */
class ModuleRolesTest {
    @Test
    void givenTheTokenRoles_thenReaderRulesMayNameExactlyThose() {
        assertThat(ModuleCatalogue.roles()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).map(Role::name).toList());
    }
}
