package nl.lpz.reporting.refusals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import nl.lpz.contract.ProblemCodes;
import nl.lpz.contract.Role;
import nl.lpz.platform.web.ApiException;
import nl.lpz.platform.web.Caller;
import nl.lpz.reporting.readmodel.DayRange;
import org.junit.jupiter.api.Test;

/** The refusal endpoints' rules without a database: periods and who reads a location's refusals. */
class RefusalControllerTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    private static final RefusalQuery.RegisteredLocation LOCATION = new RefusalQuery.RegisteredLocation("100101",
            "org-1", "ROAZ-NHF", "AMC");

    private static Caller caller(String organisation, String region, Role... roles) {
        return new Caller("test", EnumSet.of(roles[0], roles), organisation, region);
    }

    private static String code(Runnable call) {
        try {
            call.run();
            return null;
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    void givenNoPeriod_thenTodayOnly() {
        assertThat(RefusalController.days(null, null, TODAY)).isEqualTo(new DayRange(TODAY, TODAY));
        assertThat(RefusalController.days("2026-12-01", "", TODAY).from()).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void givenAPeriodOf400Days_thenTakenAnd401DaysOrFromAfterToOrNoDateAreInvalidField() {
        assertThat(RefusalController.days("2025-11-02", "2026-12-06", TODAY).from())
                .isEqualTo(LocalDate.parse("2025-11-02"));
        for (String[] bad : new String[][] {{"2025-11-01", "2026-12-06"}, {"2026-12-07", "2026-12-06"},
                {"yesterday", null}, {"+99999-01-01", "+99999-01-02"}, {"1999-12-31", "2000-01-01"}}) {
            assertThatThrownBy(() -> RefusalController.days(bad[0], bad[1], TODAY))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo(ProblemCodes.INVALID_FIELD));
        }
    }

    @Test
    void givenTheOwningHospitalTheRegionsRcpsLcpsOrAdmin_thenTheyReadTheLocationsRefusals() {
        assertThat(code(() -> RefusalController.checkReader(caller("org-1", null, Role.HOSPITAL), LOCATION)))
                .isNull();
        assertThat(code(() -> RefusalController.checkReader(caller("org-1", null, Role.EPD_SYSTEM), LOCATION)))
                .isNull();
        assertThat(code(() -> RefusalController.checkReader(caller(null, "ROAZ-NHF", Role.RCPS), LOCATION)))
                .isNull();
        assertThat(code(() -> RefusalController.checkReader(caller(null, null, Role.LCPS), LOCATION))).isNull();
        assertThat(code(() -> RefusalController.checkReader(caller(null, null, Role.ADMIN), LOCATION))).isNull();
    }

    @Test
    void givenAnotherHospitalOrAnotherRegionsRcps_thenForbiddenOrganisationOrRegion() {
        assertThat(code(() -> RefusalController.checkReader(caller("org-2", null, Role.HOSPITAL), LOCATION)))
                .isEqualTo(ProblemCodes.FORBIDDEN_ORGANISATION);
        assertThat(code(() -> RefusalController.checkReader(caller(null, "ROAZ-ZW", Role.RCPS), LOCATION)))
                .isEqualTo(ProblemCodes.FORBIDDEN_REGION);
        assertThat(code(() -> RefusalController.checkReader(caller("org-2", "ROAZ-ZW", Role.HOSPITAL, Role.RCPS),
                LOCATION))).isEqualTo(ProblemCodes.FORBIDDEN_ORGANISATION);
    }
}
