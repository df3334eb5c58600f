package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's national NICU/PICU overview ({@code panel-children-icu.js}, issue 10 Kliniek): an LCPS user sees a
 * location's PICU and NICU figures in its region's table, not a hidden organisation's location, the groups line on
 * the capacity card, and a bed pushed afterwards without reload. Screenshot {@code docs/screenshots/children-icu-lcps.png}.
 */
class DashboardChildrenIcuIT extends DashboardBrowser {

    @Test
    void givenPicuAndNicuBeds_whenTheLcpsOpensTheOverview_thenItSeesTheLocationsFigures_andNotTheHiddenOne()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        String hiddenOrg = Lpz.unique("E2EORG");
        String hiddenLoc = Lpz.unique("E2E");
        Api.expect2xx(Api.put(Api.admin(), "/api/v1/locations/" + hiddenLoc,
                Lpz.locationBody(hiddenOrg, "Hidden hospital " + hiddenLoc, ROAZ_NHF, VR13, "SEH")));
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Bed picu = Bed.at(loc, "PICU", "x", "PICU").at(t);
        Lpz.pushAll(Api.epd(AMC_ORG), List.of(picu.bed("p-1").available(), picu.bed("p-2").occupied("NON_COVID"),
                Bed.at(loc, "NICU", "n-1", "NICU").available().at(t)));
        Lpz.pushAll(Api.epd(hiddenOrg), Bed.at(hiddenLoc, "PICU", "p-1", "PICU").available().at(t));

        open();
        js("window.__errors = [];"
                + "window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));");
        selectValue("role", "LCPS");
        selectValue("roaz", ROAZ_NHF);
        byId("signin-submit").click();

        String row = "#children-icu tr[data-ci-location='" + loc + "']";
        try {
            waitUntil(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError("no row of " + loc + "; panel: " + byId("children-icu-view").getText()
                    + "; page errors: " + js("return window.__errors;"), e);
        }
        assertThat(byId("children-icu").isDisplayed()).isTrue();
        assertThat(byId("children-icu-h").getText()).isEqualTo("NICU/PICU landelijk");
        assertThat(cells(row)).as("PICU c/b/b, NICU c/b/b").containsExactly("2", "1", "1", "1", "0", "1");
        // each read in one script, as the cells: the overview may be redrawn between two element lookups
        assertThat((String) js("return document.querySelector(arguments[0]).innerText;", row + " th"))
                .contains("E2E location " + loc, VR13);
        assertThat(js("return document.querySelector(arguments[0]).closest('section[data-ci-region]')"
                + ".getAttribute('data-ci-region');", row)).isEqualTo(ROAZ_NHF);
        assertThat(driver.findElements(By.cssSelector("#children-icu tr[data-ci-location='" + hiddenLoc + "']")))
                .as("a hidden organisation's location").isEmpty();
        assertThat((String) js("return document.querySelector('#children-icu [data-ci-national]').innerText;"))
                .startsWith("Landelijk: PICU");
        // the capacity card of the region shows the groups (IC of which PICU and NICU)
        awaitText("[data-location='" + loc + "'] [data-group=picu]", "PICU 2/1/1");
        assertThat(css("[data-location='" + loc + "'] [data-group=icu]").getText()).isEqualTo("IC 3/1/2");

        // a bed reported later appears without reload (the region's stream, then the overview is read again)
        js("window.__marker = 42;");
        Lpz.pushAll(Api.epd(AMC_ORG), picu.bed("p-3").available().at(t.plusSeconds(30)));
        waitUntil(d -> "3".equals(cells(row).get(0)));
        assertThat(js("return window.__marker;")).isEqualTo(42L);
        assertThat(js("return window.__errors;")).as("page errors").asList().isEmpty();
        js("document.getElementById('children-icu').scrollIntoView();");
        screenshot("children-icu-lcps.png");
    }

    /** The row's first six cells, read in one script: the overview is redrawn on live updates, between two reads. */
    @SuppressWarnings("unchecked")
    private List<String> cells(String row) {
        return (List<String>) js("return Array.from(document.querySelectorAll(arguments[0])).slice(0, 6)"
                + ".map(td => td.innerText.trim());", row + " td");
    }
}
