package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The regional dashboard (issue 5, {@code gateway/src/main/resources/static/}) in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}), served by the gateway of the e2e {@link Platform}. Screenshots of the
 * main views go to {@code docs/screenshots/}.
 */
class DashboardIT extends DashboardBrowser {
    /** PCI in Twente has no reference provider (StopsIT); its tests there do not count statistics. */
    static final Stops.Region TWENTE = new Stops.Region("VR05", "ROAZ-EU");
    static final String MST = "104001";

    @Test
    void mkaSeesAPushedBedChangeAndANewStopLiveAndTravelsInTime() throws Exception {
        String loc = Lpz.newLocation(Lpz.AMC_ORG);
        Bed bed = Bed.at(loc, "IC", "ic-1", "IC_BEADEMD");
        Lpz.pushAll(Api.epd(Lpz.AMC_ORG), bed);
        Lpz.awaitLocation(Api.admin(), Lpz.ROAZ_NHF, loc,
                l -> Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 1, 1, 0));
        Thread.sleep(1500);
        Instant before = Instant.now();
        Thread.sleep(1500);

        open();
        signInAsMka(Lpz.ROAZ_NHF, Lpz.VR13);
        String avail = "[data-location='" + loc + "'] tr[data-el='IC_BEADEMD'] td.avail";
        awaitText(avail, "1");
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        js("window.__samePage = 'yes';");

        // a pushed bed change appears without reloading
        Lpz.pushAll(Api.epd(Lpz.AMC_ORG), bed.bed("ic-2").at(Instant.now()));
        awaitText(avail, "2");
        assertThat(js("return window.__samePage;")).isEqualTo("yes");

        // a new stop appears live, with the 10-minute expiry warning (a 1-minute stop warns at once)
        JsonNode stop = expectStatus(Stops.declare(Api.hospital(Lpz.AMC_ORG), loc, "SEH", 1, "e2e dashboard: volle SEH"),
                201);
        String stopId = stop.get("stopId").asText();
        String card = "[data-stop='" + stopId + "']";
        waitUntil(d -> !d.findElements(By.cssSelector(card + " [data-role=expiry-warning]")).isEmpty());
        assertThat(css(card).getText()).contains("SEH").contains("e2e dashboard: volle SEH");
        assertThat(css("[data-location='" + loc + "'] .badge.stop").getText()).contains("SEH");
        assertThat(js("return window.__samePage;")).isEqualTo("yes");
        js("document.getElementById('stops').scrollIntoView();");
        screenshot("region-view-mka.png");
        expectStatus(Stops.end(Api.hospital(Lpz.AMC_ORG), stopId), 200);
        waitUntil(d -> d.findElements(By.cssSelector(card)).isEmpty());

        // time travel: the picture as it stood before the second bed
        pickInstant(before);
        awaitText(avail, "1");
        assertThat(byId("history-banner").isDisplayed()).isTrue();
        js("document.getElementById('history-banner').scrollIntoView();");
        screenshot("time-travel.png");
        byId("asof-live").click();
        awaitText(avail, "2");

        // English labels
        byId("lang").click();
        waitUntil(d -> "Stops in the region".equals(byId("stops-h").getText()));
        js("window.scrollTo(0, 0);");
        screenshot("region-view-english.png");
    }

    @Test
    void edManagerDeclaresExtendsAndEndsAStopAndIsToldWhyTheLastInRegionIsRefused() throws Exception {
        Stops.Provider p1 = Stops.provider(MST, TWENTE, "PCI");
        Stops.Provider p2 = Stops.provider(MST, TWENTE, "PCI");

        open();
        selectValue("role", "HOSPITAL");
        selectValue("roaz", TWENTE.roazRegionId());
        waitUntil(d -> !d.findElements(By.cssSelector("#org option[value='" + MST + "']")).isEmpty());
        selectValue("org", MST);
        byId("signin-submit").click();
        waitUntil(d -> !d.findElements(By.cssSelector("#stop-location option[value='" + p2.locationId() + "']")).isEmpty());

        // declare
        declareInForm(p1.locationId(), 30, "e2e dashboard: PCI-kamer defect");
        waitUntil(d -> !d.findElements(By.cssSelector("#stop-result [data-stop-id]")).isEmpty());
        String stopId = css("#stop-result [data-stop-id]").getAttribute("data-stop-id");
        assertThat(stopId).startsWith("VR05.PCI.");
        String card = "[data-stop='" + stopId + "']";
        waitUntil(d -> !d.findElements(By.cssSelector(card + " [data-stop-actions]")).isEmpty());
        assertThat(byId("norm-hint").getText()).contains("120");

        // extend to 60 minutes in total
        retryStale(() -> {
            WebElement minutes = css(card + " input[name=minutes]");
            minutes.clear();
            minutes.sendKeys("60");
            css(card + " button[data-action=extend]").click();
        });
        waitUntil(d -> byId("stop-result").getText().contains("verlengd"));
        awaitStop(stopId, s -> s != null && s.path("expectedDurationMinutes").asInt() == 60);

        // the other provider would be the last one open: refused, explained in plain words
        declareInForm(p2.locationId(), 30, "e2e dashboard: personeelstekort");
        waitUntil(d -> !d.findElements(By.cssSelector("#stop-result .refusal[data-code=LAST_IN_REGION]")).isEmpty());
        String refusal = css("#stop-result .refusal").getText();
        assertThat(refusal).contains("laatste").contains("Bel direct de MKA").contains("MMA");
        js("document.getElementById('manage').scrollIntoView();");
        screenshot("ed-manager-last-in-region.png");

        // end
        waitUntil(d -> !d.findElements(By.cssSelector(card + " button[data-action=end]")).isEmpty());
        retryStale(() -> css(card + " button[data-action=end]").click());
        waitUntil(d -> byId("stop-result").getText().contains("beëindigd"));
        waitUntil(d -> d.findElements(By.cssSelector(card)).isEmpty());
        awaitStop(stopId, s -> s == null);
        js("window.scrollTo(0, 0);");
        screenshot("ed-manager.png");
    }

    /** Counts the expiry beeps: the page's WebAudio context is replaced by one that counts and fails. */
    void countBeeps() {
        js("window.__beeps = 0; window.AudioContext = function () { window.__beeps++; throw new Error('counted'); };");
    }

    long beeps() {
        return ((Number) js("return window.__beeps;")).longValue();
    }

    @Test
    void historyShowsTheStopsAsTheyStoodAtThePickedInstantWithoutSoundOrTicking() throws Exception {
        Stops.Region vr13 = new Stops.Region(Lpz.VR13, Lpz.ROAZ_NHF);
        String loc = Lpz.newLocation(Lpz.AMC_ORG);
        Stops.awaitKnownToStopService(loc, Lpz.AMC_ORG, "SEH");
        // a 1-minute stop: within 10 minutes of its end from the start, so it stood with its expiry warning
        JsonNode declared = expectStatus(Stops.declare(Api.hospital(Lpz.AMC_ORG), loc, "SEH", 1,
                "e2e dashboard: historie"), 201);
        String stopId = declared.get("stopId").asText();
        Stops.awaitView(Api.mka(Lpz.VR13), vr13, v -> assertThat(Stops.stopIn(v, stopId)).isNotNull());
        Instant during = Lpz.instant(declared.get("startedAt")).plusSeconds(2);
        while (Instant.now().isBefore(during.plusMillis(1500))) {
            Thread.sleep(200);
        }
        expectStatus(Stops.end(Api.hospital(Lpz.AMC_ORG), stopId), 200);
        Stops.awaitView(Api.mka(Lpz.VR13), vr13, v -> assertThat(Stops.stopIn(v, stopId)).isNull());

        open();
        countBeeps();
        signInAsMka(Lpz.ROAZ_NHF, Lpz.VR13);
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        waitUntil(d -> !d.findElements(By.cssSelector("[data-vr='" + Lpz.VR13 + "']")).isEmpty());
        String card = "[data-stop='" + stopId + "']";
        assertThat(driver.findElements(By.cssSelector(card))).as("ended stop in the live view").isEmpty();

        // history: the stop as it stood, with its warning, but silent and without a running countdown
        pickInstant(during);
        waitUntil(d -> !d.findElements(By.cssSelector(card)).isEmpty());
        assertThat(byId("history-banner").isDisplayed()).isTrue();
        assertThat(css(card).getText()).contains("SEH").contains("e2e dashboard: historie");
        WebElement warning = css(card + " [data-role=expiry-warning]");
        assertThat(warning.getAttribute("role")).as("no alert for a past warning").isNull();
        assertThat(driver.findElements(By.cssSelector(card + " [data-stop-actions]"))).isEmpty();
        assertThat(css("[data-location='" + loc + "'] .badge.stop").getText()).contains("SEH");
        String countdown = css(card + " [data-role=countdown]").getText();
        Thread.sleep(2500);
        assertThat(css(card + " [data-role=countdown]").getText()).as("countdown stands at the instant")
                .isEqualTo(countdown);
        assertThat(beeps()).as("expiry sound in history mode").isZero();
        js("document.getElementById('history-banner').scrollIntoView();");
        screenshot("time-travel-stops.png");

        // back to live: the stop has ended
        byId("asof-live").click();
        waitUntil(d -> d.findElements(By.cssSelector(card)).isEmpty());
        assertThat(byId("history-banner").isDisplayed()).isFalse();
        assertThat(beeps()).isZero();
    }

    @Test
    void bedCoordinatorSetsAThresholdAndSharesItsFiguresInThePage() {
        String org = Lpz.unique("ORG");
        // (not Stops.provider: that waits until ADMIN sees the location, and a hidden organisation's it does not)
        Stops.Provider p = new Stops.Provider(Lpz.unique("E2E"), org, TWENTE);
        Api.Response registered = Api.put(Api.admin(), "/api/v1/locations/" + p.locationId(), Lpz.locationBody(org,
                "E2E coordinator " + p.locationId(), TWENTE.roazRegionId(), TWENTE.safetyRegionId(), "SEH"));
        assertThat(registered.status()).as("register location: %s", registered).isIn(200, 201);
        Lpz.pushAll(Api.epd(org), Bed.at(p.locationId(), "IC", "ic-1", "IC_BEADEMD"),
                Bed.at(p.locationId(), "IC", "ic-2", "IC_BEADEMD"), Bed.at(p.locationId(), "IC", "ic-3", "IC_BEADEMD"));
        Lpz.awaitLocation(Api.hospital(org), TWENTE.roazRegionId(), p.locationId(),
                l -> Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 3, 3, 0));
        // a new organisation starts hidden: the region does not see it
        assertThat(Lpz.location(Lpz.capacity(Api.mka(TWENTE.safetyRegionId()), TWENTE.roazRegionId()),
                p.locationId())).as("hidden location seen by the MKA").isNull();

        open();
        signInAsHospital(TWENTE.roazRegionId(), org);
        String avail = "[data-location='" + p.locationId() + "'] tr[data-el='IC_BEADEMD'] td.avail";
        awaitText(avail, "3");
        waitUntil(d -> !d.findElements(By.cssSelector("#th-element option[value=IC_BEADEMD]")).isEmpty());

        // threshold: hold back one IC bed; the own card shows both figures
        selectValue("set-location", p.locationId());
        selectValue("th-element", "IC_BEADEMD");
        WebElement beds = byId("th-beds");
        beds.clear();
        beds.sendKeys("1");
        js("document.getElementById('settings-result').textContent = '';");
        css("#threshold-form button[type=submit]").click();
        waitUntil(d -> "Opgeslagen.".equals(byId("settings-result").getText()));
        waitUntil(d -> css(avail).getText().contains("drempel 1, anderen zien 2"));
        assertThat(css(avail).getText()).startsWith("3");

        // visibility: share, with the history
        byId("vis-shared").click();
        if (!byId("vis-history").isSelected()) {
            byId("vis-history").click();
        }
        js("document.getElementById('settings-result').textContent = '';");
        css("#visibility-form button[type=submit]").click();
        waitUntil(d -> "Opgeslagen.".equals(byId("settings-result").getText()));
        JsonNode seen = Lpz.awaitLocation(Api.mka(TWENTE.safetyRegionId()), TWENTE.roazRegionId(), p.locationId(),
                l -> {
                    assertThat(l).as("shared location seen by the MKA").isNotNull();
                    Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 3, 2, 0);
                });
        assertThat(seen.path("shared").asBoolean()).isTrue();
        // the page learns the switch from the stream: the "hidden" badge goes
        waitUntil(d -> d.findElements(By.cssSelector("[data-location='" + p.locationId() + "'] .badge.hidden")).isEmpty());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    void declareInForm(String locationId, int minutes, String reason) {
        selectValue("stop-location", locationId);
        waitUntil(d -> !d.findElements(By.cssSelector("#stop-kind option[value=PCI]")).isEmpty());
        selectValue("stop-kind", "PCI");
        WebElement duration = byId("stop-duration");
        duration.clear();
        duration.sendKeys(String.valueOf(minutes));
        WebElement r = byId("stop-reason");
        r.clear();
        r.sendKeys(reason);
        js("document.getElementById('stop-result').innerHTML = '';");
        byId("stop-declare").click();
    }

    void awaitStop(String stopId, java.util.function.Predicate<JsonNode> check) {
        org.awaitility.Awaitility.await().atMost(LIVE_WITHIN).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode view = Stops.view(Api.mka(TWENTE.safetyRegionId()), TWENTE);
            for (JsonNode s : view.path("stops")) {
                if (stopId.equals(s.path("stopId").asText())) {
                    return check.test(s);
                }
            }
            return check.test(null);
        });
    }

}
