package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static nl.lpz.e2e.Lpz.VR13;
import static nl.lpz.e2e.Lpz.VUMC_ORG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's refusals panel (weigeringen geboortezorg, {@code panel-refusals.js}): a first-line midwife registers
 * in the form that a hospital could not take a woman in labour and sees it in her practice's list; a refusal whose
 * answer is lost on the way is sent again with the same eventId and counted once; the hospital sees the refusal about
 * its location (without the practice), and the RCPS of the region counts it in the current month. Screenshots go to
 * {@code docs/screenshots/}.
 */
class DashboardRefusalsIT extends DashboardBrowser {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void givenAMidwife_whenSheRegistersRefusalsInTheForm_thenSheTheHospitalAndTheRegionsRcpsSeeThem()
            throws Exception {
        Stops.Region nhf = new Stops.Region(VR13, ROAZ_NHF);
        String refusing = Stops.provider(AMC_ORG, nhf, "SEH", "VERLOSKUNDE").locationId();
        String taking = Stops.provider(VUMC_ORG, nhf, "SEH", "VERLOSKUNDE").locationId();
        String practice = Lpz.unique("VP");

        // the midwife: her page is the refusals panel, without the region view she may not read
        open();
        watchPage();
        signInAsMidwife(ROAZ_NHF, practice);
        waitUntil(d -> !d.findElements(By.cssSelector("#rf-location option[value='" + refusing + "']")).isEmpty());
        assertThat(byId("who").getText()).contains("MIDWIFE", practice, ROAZ_NHF);
        assertThat(byId("rf-hint").getText()).contains("geen gegevens van de vrouw");
        assertThat(byId("rf-time").getAttribute("value")).as("default now")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        assertThat(new Select(byId("rf-reason")).getOptions().stream().map(o -> o.getAttribute("value")).toList())
                .containsExactly("", "NO_DELIVERY_ROOM", "NO_STAFF", "NO_NEONATAL_CARE", "PRESENTATIESTOP", "OTHER");
        assertThat(byId("capacity").isDisplayed()).as("capacity shown to a midwife").isFalse();
        assertThat(byId("stops").isDisplayed()).as("stops shown to a midwife").isFalse();
        assertThat(byId("modules").isDisplayed()).as("modules shown to a midwife").isFalse();

        // refused by one hospital, then taken by another
        selectValue("rf-location", refusing);
        selectValue("rf-reason", "NO_DELIVERY_ROOM");
        waitUntil(d -> !d.findElements(By.cssSelector("#rf-taken option[value='" + taking + "']")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#rf-taken option[value='" + refusing + "']")))
                .as("the refusing hospital offered as the one that took her").isEmpty();
        selectValue("rf-taken", taking);
        byId("rf-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#refusal-result [data-outcome=accepted]")).isEmpty());
        String first = css("#refusal-result [data-outcome=accepted]").getAttribute("data-event-id");
        assertThat(byId("refusal-result").getText()).isEqualTo("Weigering geregistreerd.");
        String firstRow = "#refusals-view tr.refusal-row[data-event-id='" + first + "']";
        awaitText(firstRow + " [data-role=refused]", "E2E stop provider " + refusing);
        assertThat(css(firstRow + " [data-role=reason]").getText()).isEqualTo("Geen verloskamer vrij");
        assertThat(css(firstRow + " [data-role=taken-by]").getText()).contains(taking);
        assertThat(new Select(byId("rf-location")).getFirstSelectedOption().getAttribute("value"))
                .as("form reset after acceptance").isEmpty();

        // the answer of the second is lost on the way (it did arrive): sent again, the same eventId, counted once
        js("window.__lose = 1;");
        selectValue("rf-location", taking);
        selectValue("rf-reason", "PRESENTATIESTOP");
        byId("rf-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#refusal-result [data-outcome=unreachable]")).isEmpty());
        String second = css("#refusal-result [data-outcome=unreachable]").getAttribute("data-event-id");
        byId("rf-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#refusal-result [data-outcome=duplicate]")).isEmpty());
        assertThat(css("#refusal-result [data-outcome=duplicate]").getAttribute("data-event-id")).isEqualTo(second);
        String secondRow = "#refusals-view tr.refusal-row[data-event-id='" + second + "']";
        awaitText(secondRow + " [data-role=reason]", "Presentatiestop");
        assertThat(driver.findElements(By.cssSelector(secondRow))).hasSize(1);
        assertThat(css(secondRow + " [data-role=taken-by]").getText()).isEqualTo("–");
        YearMonth month = YearMonth.from(Instant.parse(css(firstRow).getAttribute("data-occurred")).atZone(AMSTERDAM));
        js("document.getElementById('refusals').scrollIntoView();");
        screenshot("refusals-midwife.png");
        assertPageClean("");

        // the hospital: the refusal about its location, with the midwife's region, never the practice
        signOutAndOpen();
        signInAsHospital(ROAZ_NHF, AMC_ORG);
        String about = "#refusals-view [data-hospital='" + refusing + "']";
        awaitText(about + " [data-role=count]", "1 weigering in de laatste 30 dagen");
        WebElement row = css(about + " tr.refusal-row");
        assertThat(row.getAttribute("data-reason")).isEqualTo("NO_DELIVERY_ROOM");
        assertThat(css(about + " [data-role=reason]").getText()).isEqualTo("Geen verloskamer vrij");
        assertThat(css(about + " [data-role=taken-by]").getText()).contains(taking);
        assertThat(css(about + " [data-role=midwife-region]").getText()).isEqualTo(ROAZ_NHF);
        assertThat(byId("refusals").getText()).as("the practice shown to the hospital").doesNotContain(practice);
        assertThat(byId("refusal-register").isDisplayed()).as("the form shown to a hospital").isFalse();
        assertPageClean("refusals");

        // the RCPS: one refusal of each hospital in this month, with its reason and whether she was taken elsewhere
        signOutAndOpen();
        signInAsRcps(ROAZ_NHF);
        String refusingMonth = "#refusals-view tr[data-hospital='" + refusing + "'] td[data-month='" + month + "']";
        String takingMonth = "#refusals-view tr[data-hospital='" + taking + "'] td[data-month='" + month + "']";
        awaitText(refusingMonth + " [data-role=total]", "1");
        assertThat(css(refusingMonth + " [data-role=reasons]").getText()).isEqualTo("1 Geen verloskamer vrij");
        assertThat(css(refusingMonth + " [data-role=taken-elsewhere]").getText()).isEqualTo("1 elders opgenomen");
        assertThat(css(takingMonth + " [data-role=total]").getText()).isEqualTo("1");
        assertThat(css(takingMonth + " [data-role=reasons]").getText()).isEqualTo("1 Presentatiestop");
        assertThat(css(takingMonth + " [data-role=taken-elsewhere]").getText()).isEqualTo("0 elders opgenomen");
        assertThat(driver.findElements(By.cssSelector("#refusals-view thead th"))).hasSize(4); // hospital + 3 months
        js("document.getElementById('refusals').scrollIntoView();");
        screenshot("refusals-rcps.png");
        assertPageClean("refusals");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Signs in through the local picker as a midwife of a practice in a ROAZ region. */
    void signInAsMidwife(String roazRegionId, String practiceId) {
        selectValue("role", "MIDWIFE");
        selectValue("roaz", roazRegionId);
        WebElement practice = byId("practice");
        practice.clear();
        practice.sendKeys(practiceId);
        byId("signin-submit").click();
    }

    /** Signs out (the page reloads) and waits for the picker of the new page. */
    void signOutAndOpen() {
        js("window.__before = true;");
        byId("signout").click();
        waitUntil(d -> js("return window.__before === undefined;").equals(Boolean.TRUE)
                && !d.findElements(By.cssSelector("#roaz option")).isEmpty());
        watchPage();
    }

    /**
     * Records the page's errors (uncaught, unhandled rejections, console.error) and its refused API calls; with
     * {@code window.__lose > 0} the answer of the next refusal POST is lost after it reached the platform.
     */
    void watchPage() {
        js("window.__errors = []; window.__refused = []; window.__lose = 0;"
                + "window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));"
                + "const error = console.error.bind(console);"
                + "console.error = (...a) => { window.__errors.push(a.map(String).join(' ')); error(...a); };"
                + "const real = window.fetch.bind(window);"
                + "window.fetch = async (url, opts) => { const res = await real(url, opts);"
                + "  if (String(url).startsWith('/api/') && !res.ok) window.__refused.push(res.status + ' ' + url);"
                + "  if (window.__lose > 0 && String(url) === '/api/v1/birth-care/refusals'"
                + "      && (opts || {}).method === 'POST') {"
                + "    window.__lose--; throw new TypeError('test: the answer was lost'); }"
                + "  return res; };");
    }

    /** No page errors; no refused API call whose path contains {@code pathPart} ("" for any). */
    void assertPageClean(String pathPart) {
        assertThat((List<?>) js("return window.__errors;")).as("page errors").isEmpty();
        List<?> refused = (List<?>) js("return window.__refused.filter(c => c.includes(arguments[0]));", pathPart);
        assertThat(refused).as("refused API calls").isEmpty();
    }
}
