package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static nl.lpz.e2e.Lpz.ROAZ_NHF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's module panel and report form (issue 10, {@code panel-module.js}, {@code panel-module-report.js}),
 * driven with {@code proefmodule}: a module that exists only as a definition file the e2e platform loads, so whatever
 * the page shows of it was built from the catalogue's definition, not from code that knows the module. Screenshots go
 * to {@code docs/screenshots/}.
 */
class DashboardModulesIT extends DashboardBrowser {
    private static final String MODULE = "proefmodule";
    private static final String PICTURE = "/api/v1/regions/" + ROAZ_NHF + "/modules/" + MODULE;

    @Test
    void givenAnEdManager_whenItReportsInTheGeneratedForm_thenThePanelShowsTheFiguresAndABrokenInvariantIsExplained()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);

        open();
        signInAsHospital(ROAZ_NHF, AMC_ORG);
        chooseModule();
        waitUntil(d -> !d.findElements(By.cssSelector("#mr-location option[value='" + loc + "']")).isEmpty());
        selectValue("mr-location", loc);
        selectValue("mr-kind", "proefpost");

        // the form is the definition: names in Dutch (English in the title), bounds, status values, optional figures
        assertThat(byId("mr-unit").getAttribute("value")).isEqualTo("PROEFPOST-1");
        assertThat(css("label[for=mf-places]").getText()).isEqualTo("Plaatsen");
        assertThat(css("label[for=mf-places]").getAttribute("title")).isEqualTo("Places");
        WebElement places = byId("mf-places");
        assertThat(List.of(places.getAttribute("type"), places.getAttribute("min"), places.getAttribute("max")))
                .containsExactly("number", "0", "50");
        assertThat(places.getAttribute("required")).isNotNull();
        assertThat(new Select(byId("mf-state")).getOptions().stream().map(o -> o.getAttribute("value")).toList())
                .containsExactly("", "GREEN", "RED");
        assertThat(byId("mf-waitMinutes").getAttribute("required")).as("optional figure required").isNull();
        assertThat(byId("mr-invariants").getText()).isEqualTo("taken <= places");
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        js("window.__samePage = 'yes';");

        // report: the hospital's own panel shows the figures as reported, the optional one not reported
        fill(12, 5, "RED");
        byId("mr-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#module-result [data-accepted='1']")).isEmpty());
        String row = row(loc, "PROEFPOST-1");
        awaitText(row + " td[data-figure=places]", "12");
        assertThat(text(row + " td[data-figure=taken]")).isEqualTo("5");
        assertThat(text(row + " td[data-figure=state] .badge.status")).isEqualTo("RED");
        assertThat(text(row + " td[data-figure=waitMinutes]")).isEqualTo("–");
        assertThat(displayed(row + " [data-role=stale]")).isFalse();
        assertThat(text(row + " [data-role=age]")).contains("geleden");
        assertThat(text("[data-unit-kind=proefpost] thead th[title=Places]")).isEqualTo("Plaatsen");
        assertThat(text("[data-unit-kind=proefpost] tr[data-totals=proefpost]")).startsWith("Totaal:");
        assertThat(js("return window.__samePage;")).isEqualTo("yes");

        // the platform holds what the page sent: the same figures for the region's RCPS, through the API
        JsonNode unit = awaitUnit(loc, "PROEFPOST-1");
        assertThat(unit.path("values").path("places").asLong()).isEqualTo(12);
        assertThat(unit.path("values").path("taken").asLong()).isEqualTo(5);
        assertThat(unit.path("statuses").path("state").asText()).isEqualTo("RED");
        assertThat(unit.path("values").has("waitMinutes")).isFalse();

        // a report breaking 'taken <= places' is refused; the platform's code and detail stand at the field
        fill(3, 4, "GREEN");
        byId("mr-send").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#module-result [data-code=INVARIANT_BROKEN]")).isEmpty());
        assertThat(byId("mf-taken-error").getText()).startsWith("INVARIANT_BROKEN").contains("taken <= places");
        assertThat(byId("mf-taken").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("mf-places").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId("module-result").getText()).contains("Bezet");
        js("document.getElementById('modules').scrollIntoView();");
        screenshot("module-report-refused.png");
        assertThat(text(row + " td[data-figure=places]")).as("refused figures shown").isEqualTo("12");
        assertThat(awaitUnit(loc, "PROEFPOST-1").path("values").path("taken").asLong()).isEqualTo(5);

        // the region's RCPS sees the figures the hospital reported
        byId("signout").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#roaz option")).isEmpty());
        signInAsRcps(ROAZ_NHF);
        chooseModule();
        awaitText(row + " td[data-figure=places]", "12");
        assertThat(text(row + " td[data-figure=state]")).isEqualTo("RED");
        assertThat(byId("module-report").isDisplayed()).as("report form for RCPS").isFalse();
    }

    @Test
    void givenAnRcps_whenFiguresArrive_thenThePanelShowsThemLiveWithTheirAgeMarksStaleOnesAndTravelsInTime()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        // proefmodule's freshness is 15 minutes: a report of 20 minutes ago is stale
        report(loc, "OLD", 8, 2, "GREEN", Instant.now().minus(20, ChronoUnit.MINUTES));
        awaitUnit(loc, "OLD");
        Thread.sleep(1500);
        Instant before = Instant.now();
        Thread.sleep(1500);

        open();
        signInAsRcps(ROAZ_NHF);
        chooseModule();
        String old = row(loc, "OLD");
        awaitText(old + " td[data-figure=places]", "8");
        assertThat(displayed(old + " [data-role=stale]")).isTrue();
        assertThat(text(old + " [data-role=stale]")).contains("VEROUDERD");
        assertThat(read(() -> css(old).getAttribute("class"))).contains("stale");
        assertThat(text(old + " [data-role=age]")).containsPattern("\\(2\\d:\\d\\d geleden\\)");
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        js("window.__samePage = 'yes';");

        // a report arriving through the platform appears without reload (the stream's module event)
        report(loc, "NEW", 20, 11, "RED", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        String fresh = row(loc, "NEW");
        awaitText(fresh + " td[data-figure=taken]", "11");
        assertThat(text(fresh + " td[data-figure=state]")).isEqualTo("RED");
        assertThat(displayed(fresh + " [data-role=stale]")).isFalse();
        assertThat(js("return window.__samePage;")).isEqualTo("yes");
        js("document.getElementById('modules').scrollIntoView();");
        screenshot("module-view-rcps.png");

        // history: before the new report only the old unit stood
        pickInstant(before);
        waitUntil(d -> d.findElements(By.cssSelector(fresh)).isEmpty());
        assertThat(text(old + " td[data-figure=places]")).isEqualTo("8");
        assertThat(byId("history-banner").isDisplayed()).isTrue();
        byId("asof-live").click();
        awaitText(fresh + " td[data-figure=taken]", "11");
    }

    @Test
    void givenAnEdOnStopWithPassages_whenTheRcpsChoosesSpoed_thenItsAvailabilityStopsAndLeadTimesShow()
            throws Exception {
        Stops.Provider ed = Stops.provider(AMC_ORG, new Stops.Region(Lpz.VR13, ROAZ_NHF), "SEH", "SR");
        String loc = ed.locationId();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("eventId", UUID.randomUUID().toString());
        figures.put("providerId", loc);
        figures.put("unitKind", "seh");
        figures.put("unitId", "SEH-1");
        figures.put("figures", Map.of("openness", "OPEN", "waiting", 6, "inTreatment", 10, "waitingForAdmission", 2,
                "longestWaitMinutes", 70, "treatmentPlaces", 12));
        figures.put("occurredAt", Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS).toString());
        Api.expectStatus(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/spoed/reports",
                Map.of("reports", List.of(figures))), 202);
        Instant base = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        List<Map<String, Object>> passages = new java.util.ArrayList<>();
        for (int minutes : new int[] {5, 10, 20, 30}) {
            passages.add(Map.of("eventId", UUID.randomUUID().toString(), "providerId", loc, "unitKind", "seh",
                    "unitId", "SEH-1", "moments", Map.of("arrival", base.toString(),
                            "triage", base.plus(minutes, ChronoUnit.MINUTES).toString())));
        }
        Api.expectStatus(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/spoed/passages",
                Map.of("passages", passages)), 202);
        Stops.declared(ed, "SEH", 60, "SEH vol");

        open();
        signInAsRcps(ROAZ_NHF);
        waitUntil(d -> !d.findElements(By.cssSelector("#module-select option[value=spoed]")).isEmpty());
        selectValue("module-select", "spoed");
        String unit = row(loc, "SEH-1");
        awaitText(unit + " td[data-role=availability]", "STOP SEH");
        assertThat(text(unit + " td[data-role=care]")).contains("SEH STOP", "SR OPEN");
        assertThat(text(unit + " td[data-figure=openness]")).as("as reported").isEqualTo("OPEN");
        // lead times count on the arrival's day in Europe/Amsterdam, and live the page shows today's; shortly after
        // midnight there the passages started yesterday, so the page is taken to an instant of that day instead
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        boolean passagesYesterday = !base.atZone(amsterdam).toLocalDate()
                .equals(Instant.now().atZone(amsterdam).toLocalDate());
        if (passagesYesterday) {
            js("document.getElementById('modules').scrollIntoView();");
            screenshot("module-view-spoed.png"); // the live view, before the page travels to yesterday
            pickInstant(base); // the arrivals' own instant: any later one may be past midnight again
        }
        String triage = ".module-lead-times tr[data-provider='" + loc + "'] td[data-interval=arrivalToTriage]";
        awaitText(triage, "15′ · 27′ (4)");
        assertThat(text(triage)).contains("50% > 15′");
        if (!passagesYesterday) {
            js("document.getElementById('modules').scrollIntoView();");
            screenshot("module-view-spoed.png");
        }

        // the ROAZ office's report of the passages' day: per VR of the region by name, then the region
        retryStale(() -> css("#period-report summary").click());
        js("document.getElementById('pr-day').value = arguments[0];", base.atZone(amsterdam).toLocalDate().toString());
        byId("pr-show").click();
        String vr13 = "table.period-report[data-unit-kind=seh] tr[data-area=VR13]";
        try {
            awaitText(vr13 + " th", "VR13 Amsterdam-Amstelland");
        } catch (AssertionError e) {
            throw new AssertionError("period report: " + byId("period-report").getAttribute("outerHTML"), e);
        }
        assertThat(text(vr13 + " td[data-role=providers]")).matches("\\d+ / \\d+");
        assertThat(text(vr13)).contains("arrivalToTriage");
        assertThat(text("table.period-report[data-unit-kind=seh] tr[data-area=REGION] th")).contains(ROAZ_NHF);
        assertThat(text("#period-report-view [data-role=period]")).contains("Spoed");

        // the regional ambulance service of VR13 (seed 004: RAV and HAP see the EDs' openness): Spoed and its VR's
        // stops, no bed figures
        js("window.__before = true;");
        byId("signout").click();
        waitUntil(d -> js("return window.__before === undefined;").equals(Boolean.TRUE)
                && !d.findElements(By.cssSelector("#roaz option")).isEmpty());
        signInForVr("RAV", ROAZ_NHF, Lpz.VR13);
        waitUntil(d -> !d.findElements(By.cssSelector("#module-select option[value=spoed]")).isEmpty());
        selectValue("module-select", "spoed");
        awaitText(unit + " td[data-role=availability]", "STOP SEH");
        waitUntil(d -> d.findElement(By.id("stops-list")).getText().contains(loc));
        assertThat(byId("capacity").isDisplayed()).as("bed figures shown to a RAV").isFalse();
        assertThat(byId("map-section").isDisplayed()).as("the bed map shown to a RAV").isFalse();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    void chooseModule() {
        js("window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"
                + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));");
        try {
            waitUntil(d -> !d.findElements(By.cssSelector("#module-select option[value=" + MODULE + "]")).isEmpty());
            selectValue("module-select", MODULE);
            waitUntil(d -> !d.findElements(By.cssSelector("[data-unit-kind=proefpost]")).isEmpty());
        } catch (RuntimeException e) {
            Object picture = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "const s = JSON.parse(sessionStorage.getItem('lpz.session') || '{}');"
                    + "fetch('" + PICTURE + "', { headers: { Authorization: 'Bearer ' + s.token } })"
                    + ".then(r => r.text()).then(t => done(t), x => done(String(x)));");
            throw new AssertionError("no " + MODULE + " in the module panel: "
                    + byId("module-select").getAttribute("outerHTML") + " / " + byId("module-view").getText()
                    + "; page errors " + js("return window.__errors;") + "; the picture for this session: "
                    + picture, e);
        }
    }

    /** The panel is rebuilt on every live update of the module: a read of an element found just before is repeated. */
    <T> T read(java.util.function.Supplier<T> read) {
        Object[] value = new Object[1];
        retryStale(() -> value[0] = read.get());
        @SuppressWarnings("unchecked")
        T t = (T) value[0];
        return t;
    }

    String text(String selector) {
        return read(() -> css(selector).getText());
    }

    boolean displayed(String selector) {
        return read(() -> css(selector).isDisplayed());
    }

    static String row(String providerId, String unitId) {
        return "tr.module-unit[data-provider='" + providerId + "'][data-unit='" + unitId + "']";
    }

    void fill(int places, int taken, String state) {
        for (Map.Entry<String, Integer> f : Map.of("mf-places", places, "mf-taken", taken).entrySet()) {
            WebElement input = byId(f.getKey());
            input.clear();
            input.sendKeys(String.valueOf(f.getValue()));
        }
        selectValue("mf-state", state);
    }

    /** One proefmodule report of AMC's EPD through the gateway, accepted. */
    static void report(String loc, String unitId, int places, int taken, String state, Instant at) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eventId", UUID.randomUUID().toString());
        report.put("providerId", loc);
        report.put("unitKind", "proefpost");
        report.put("unitId", unitId);
        report.put("figures", Map.of("places", places, "taken", taken, "state", state));
        report.put("occurredAt", at.toString());
        JsonNode answer = Api.expectStatus(Api.post(Api.epd(AMC_ORG), "/api/v1/modules/" + MODULE + "/reports",
                Map.of("reports", List.of(report))), 202);
        assertThat(answer.path("accepted").asLong()).as("accepted in %s", answer).isEqualTo(1);
    }

    /** The unit in the region's picture as the region's RCPS reads it, once it is there. */
    static JsonNode awaitUnit(String loc, String unitId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Lpz.VISIBLE_WITHIN).untilAsserted(() -> {
            JsonNode picture = Api.expectStatus(Api.get(Api.rcps(ROAZ_NHF), PICTURE), 200);
            for (JsonNode provider : picture.path("providers")) {
                if (loc.equals(provider.path("providerId").asText())) {
                    for (JsonNode u : provider.path("units")) {
                        if (unitId.equals(u.path("unitId").asText())) {
                            found[0] = u;
                        }
                    }
                }
            }
            assertThat(found[0]).as("unit %s of %s in %s", unitId, loc, picture).isNotNull();
        });
        return found[0];
    }
}
