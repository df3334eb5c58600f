package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's profile page of a location ({@code panel-profile.js}): a hospital's bed coordinator opens the
 * profile of an own location from its card, describes its care profile in the form and sees it saved with the change
 * in the history; a dispatcher of the region opens the same profile and reads the designations, without the form.
 * Screenshot to {@code docs/screenshots/}.
 */
class DashboardProfileIT extends DashboardBrowser {

    @Test
    void givenAnOwnLocation_whenItsCareProfileIsDescribedOnItsProfilePage_thenItAndADispatcherSeeTheDesignations()
            throws Exception {
        Stops.Provider p = Stops.provider(AMC_ORG, new Stops.Region(VR13, ROAZ_NHF), "SEH", "PCI", "VERLOSKUNDE");
        String open = "[data-location='" + p.locationId() + "'] [data-profile]";

        open();
        signInAsHospital(ROAZ_NHF, AMC_ORG);
        waitUntil(d -> !d.findElements(By.cssSelector(open)).isEmpty());
        retryStale(() -> css(open).click());
        awaitText("#profile-name", "E2E stop provider " + p.locationId());
        assertThat(css("#profile-view [data-role=offered]").getText()).contains("PCI SEH VERLOSKUNDE");
        assertThat(css("#profile-view [data-role=designations]").getText()).contains("nog niet beschreven");
        assertThat(css("#profile-view tr[data-kind=REGISTERED]").getText()).contains("Registratie");

        selectValue("pf-trauma", "2");
        selectValue("pf-obstetrics", "2");
        byId("pf-iat").click();
        byId("pf-save").click();
        awaitText("#pf-result", "Opgeslagen.");
        assertThat(css("#profile-view [data-role=designations]").getText())
                .contains("Traumacentrum niveau 2", "IAT-centrum", "Obstetrie niveau 2");
        assertThat(css("#profile-view tr[data-kind=CARE_PROFILE]").getText()).contains("Zorgprofiel", "demo.gebruiker", AMC_ORG);
        screenshot("dashboard-profile.png");

        // a dispatcher of the region: the same page, read only
        js("window.__before = true;");
        byId("signout").click();
        waitUntil(d -> js("return window.__before === undefined;").equals(Boolean.TRUE)
                && !d.findElements(By.cssSelector("#roaz option")).isEmpty());
        signInAsMka(ROAZ_NHF, VR13);
        waitUntil(d -> !d.findElements(By.cssSelector(open)).isEmpty());
        retryStale(() -> css(open).click());
        awaitText("#profile-name", "E2E stop provider " + p.locationId());
        assertThat(css("#profile-view [data-role=designations]").getText()).contains("IAT-centrum");
        assertThat(driver.findElements(By.id("pf-form"))).as("the care-profile form for a dispatcher").isEmpty();
    }
}
