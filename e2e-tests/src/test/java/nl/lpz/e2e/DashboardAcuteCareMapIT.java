package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dashboard's acute-care map panel ({@code panel-acute-care-map.js}): the RCPS of Noord-Holland/Flevoland sees its
 * region against the 45-minute norm per VR by name, computes the closure of the ED of Den Helder in the form and sees
 * more inhabitants beyond the norm, the receiving EDs, the map beside its baseline and the exports (CSV, PNG); limits an
 * ED's hours; sees an ED on stop on the map and in the live baseline. Screenshot to {@code docs/screenshots/}.
 */
class DashboardAcuteCareMapIT extends DashboardBrowser {

    @Test
    void givenTheRcps_whenItComputesTheClosureOfARemoteEd_thenItsRegionShowsMoreInhabitantsBeyondTheNorm()
            throws Exception {
        open();
        signInAsRcps(ROAZ_NHF);
        awaitText("#acm-baseline tr[data-row=REGION] th", "Regio " + ROAZ_NHF);
        assertThat(css("#acm-baseline tr[data-row=VR10] th").getText()).startsWith("VR10 Noord-Holland-Noord");
        assertThat(css("#acm-baseline [data-role=model]").getText()).startsWith("Gemodelleerd, niet gemeten:");
        assertThat(byId("acm-baseline").getText()).doesNotContain("null").doesNotContain("false");
        // the map: the region's areas shaded by minutes, its EDs, the modelled caption inside the drawing
        assertThat(driver.findElements(By.cssSelector("#acm-baseline svg[data-role=baseline] circle[data-pc4]")))
                .hasSizeGreaterThan(300);
        assertThat(driver.findElements(By.cssSelector("#acm-baseline svg[data-role=baseline] [data-site='103702']")))
                .hasSize(1);
        assertThat(css("#acm-baseline svg[data-role=baseline] .acm-caption").getText()).startsWith("Gemodelleerd");
        js("window.__blobs = []; const create = URL.createObjectURL; "
                + "URL.createObjectURL = b => { window.__blobs.push(b.type); return create(b); };");
        // the panel may redraw under the click (a region update): find the button again then
        retryStale(() -> css("#acm-baseline [data-role=png-baseline]").click());
        waitUntil(d -> Boolean.TRUE.equals(js("return window.__blobs.includes('image/png');")));

        waitUntil(d -> !d.findElements(By.cssSelector("#acm-close option[value='103702']")).isEmpty());
        byId("acm-name").sendKeys("SEH Den Helder dicht");
        selectValue("acm-close", "103702");
        byId("acm-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#acm-result tr[data-row=SCENARIO]")).isEmpty());
        long before = number(css("#acm-result tr[data-row=BASELINE] [data-role=beyond]").getText());
        long after = number(css("#acm-result tr[data-row=SCENARIO] [data-role=beyond]").getText());
        assertThat(after - before).isGreaterThan(20_000L);
        assertThat(css("#acm-result .acm-receiving").getText()).contains("inwoners over");
        assertThat(byId("acm-export").isDisplayed()).isTrue();
        assertThat(byId("acm-result").getText()).doesNotContain("null").doesNotContain("false");
        // the scenario's map beside its baseline: Den Helder closed, its areas further away
        waitUntil(d -> !d.findElements(By.cssSelector("#acm-result-maps svg[data-role=scenario] "
                + "[data-site='103702'][data-state=CLOSED_BY_SCENARIO]")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#acm-result-maps svg[data-role=scenario-baseline]"))).hasSize(1);
        byId("acm-replay").click();
        try {
            awaitText("#acm-replay-view .acm-replay tr[data-vr=VR10] th", "VR10 Noord-Holland-Noord");
        } catch (AssertionError e) {
            throw new AssertionError("replay: " + byId("acm-result").getAttribute("innerHTML").replaceAll(
                    "(?s).*(<button type=\"button\" id=\"acm-export\")", "$1"), e);
        }
        js("document.getElementById('acute-care-map').scrollIntoView();");
        screenshot("acute-care-map-scenario.png");
    }

    @Test
    void givenAnEdOnStop_whenTheRcpsChoosesTheCurrentStopsAsClosures_thenThatEdIsChosen() {
        Stops.Region nhf = new Stops.Region(Lpz.VR13, ROAZ_NHF);
        String id = Lpz.unique("E2E");
        com.fasterxml.jackson.databind.node.ObjectNode body = Lpz.locationBody(Lpz.AMC_ORG, "E2E LAZK " + id,
                ROAZ_NHF, Lpz.VR13, "SEH");
        body.put("latitude", 52.36);
        body.put("longitude", 4.91);
        assertThat(Api.put(Api.admin(), "/api/v1/locations/" + id, body).status()).isEqualTo(201);
        Stops.awaitKnownToStopService(id, Lpz.AMC_ORG, "SEH");
        Stops.Provider ed = new Stops.Provider(id, Lpz.AMC_ORG, nhf);
        String stopId = Stops.declared(ed, "SEH", 60, "LAZK: stops as closures").path("stopId").asText();
        try {
            open();
            signInAsRcps(ROAZ_NHF);
            waitUntil(d -> !d.findElements(By.cssSelector("#acm-close option[value='" + id + "']")).isEmpty()
                    && d.findElement(By.id("stops-list")).getText().contains(id));
            byId("acm-stopped").click();
            assertThat(css("#acm-close option[value='" + id + "']").isSelected()).isTrue();
            assertThat(css("#acm-close option[value='103702']").isSelected()).isFalse();
            assertThat(byId("acm-name").getAttribute("value")).startsWith("Huidige stops");
            // the map shows the ED on stop; the live baseline counts it as closed
            waitUntil(d -> !d.findElements(By.cssSelector("#acm-baseline svg[data-role=baseline] [data-site='" + id
                    + "'][data-state=STOP]")).isEmpty());
            byId("acm-live").click();
            awaitText("#acm-baseline [data-role=live]", "Live:");
            assertThat(css("#acm-baseline [data-role=live]").getText()).contains("tellen nu als dicht");
        } finally {
            Stops.end(ed.hospital(), stopId);
        }
    }

    @Test
    void givenTheRcps_whenItLimitsAnEdToDaytime_thenTheNightIsTheClosureAndTheDayTheBaseline() {
        open();
        signInAsRcps(ROAZ_NHF);
        waitUntil(d -> !d.findElements(By.cssSelector("#acm-limit option[value='103702']")).isEmpty());
        byId("acm-name").sendKeys("SEH Den Helder alleen overdag");
        selectValue("acm-limit", "103702");
        js("document.getElementById('acm-limit-opens').value = '08:00';"
                + "document.getElementById('acm-limit-closes').value = '20:00';");
        byId("acm-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#acm-result tr[data-row=DURING]")).isEmpty());
        long before = number(css("#acm-result tr[data-row=BASELINE] [data-role=beyond]").getText());
        long night = number(css("#acm-result tr[data-row=SCENARIO] [data-role=beyond]").getText());
        long day = number(css("#acm-result tr[data-row=DURING] [data-role=beyond]").getText());
        assertThat(night - before).isGreaterThan(20_000L);
        assertThat(day).isEqualTo(before);
        assertThat(css("#acm-result .acm-receiving").getText()).contains("SEH-bezoeken per dag extra");
    }

    private static long number(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }
}
