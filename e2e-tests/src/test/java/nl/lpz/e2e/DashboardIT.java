package nl.lpz.e2e;

import static nl.lpz.e2e.Api.expectStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The regional dashboard (issue 5, {@code gateway/src/main/resources/static/}) in a real headless Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}), served by the gateway of the e2e {@link Platform}. Screenshots of the
 * main views go to {@code docs/screenshots/}.
 */
class DashboardIT {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** A change reaches the page: pipeline (≤ 10 s) plus the stream and a re-read. */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(20);
    /** PCI in Twente has no reference provider (StopsIT); its tests there do not count statistics. */
    static final Stops.Region TWENTE = new Stops.Region("VR05", "ROAZ-EU");
    static final String MST = "104001";

    WebDriver driver;
    Path userDataDir;

    @BeforeAll
    static void browserInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "DashboardIT skipped: /usr/bin/chromedriver is absent (apt-get install -y chromium chromium-driver)");
        Platform.get();
    }

    @BeforeEach
    void browser() throws IOException {
        userDataDir = Files.createTempDirectory("lpz-chromium-");
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) {
            options.setBinary(CHROMIUM.toFile());
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--window-size=1400,1800", "--lang=nl-NL",
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1800));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

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
        new Select(byId("role")).selectByValue("MKA");
        new Select(byId("roaz")).selectByValue(Lpz.ROAZ_NHF);
        new Select(byId("vr")).selectByValue(Lpz.VR13);
        byId("signin-submit").click();
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
        js("const d = new Date(arguments[0]); const p = n => String(n).padStart(2, '0');"
                + "document.getElementById('asof').value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate())"
                + " + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());", before.toString());
        byId("asof-go").click();
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
        new Select(byId("role")).selectByValue("HOSPITAL");
        new Select(byId("roaz")).selectByValue(TWENTE.roazRegionId());
        waitUntil(d -> !d.findElements(By.cssSelector("#org option[value='" + MST + "']")).isEmpty());
        new Select(byId("org")).selectByValue(MST);
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

    // ---- helpers --------------------------------------------------------------------------------------------------

    void declareInForm(String locationId, int minutes, String reason) {
        new Select(byId("stop-location")).selectByValue(locationId);
        waitUntil(d -> !d.findElements(By.cssSelector("#stop-kind option[value=PCI]")).isEmpty());
        new Select(byId("stop-kind")).selectByValue("PCI");
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

    /**
     * The stop list is re-rendered whenever a live update arrives; an element found just before that is stale. A
     * command on a stale element fails without acting, so it is safe to find it again and repeat.
     */
    void retryStale(Runnable action) {
        for (int attempt = 1; ; attempt++) {
            try {
                action.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    void open() {
        driver.get(Platform.gatewayUrl() + "/");
        waitUntil(d -> !d.findElements(By.cssSelector("#roaz option")).isEmpty());
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    WebElement css(String selector) {
        return driver.findElement(By.cssSelector(selector));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void awaitText(String selector, String text) {
        try {
            waitUntil(d -> {
                List<WebElement> els = d.findElements(By.cssSelector(selector));
                return !els.isEmpty() && els.get(0).getText().trim().startsWith(text);
            });
        } catch (RuntimeException e) {
            List<WebElement> els = driver.findElements(By.cssSelector(selector));
            throw new AssertionError("expected '" + text + "' in " + selector + ", found "
                    + (els.isEmpty() ? "nothing" : "'" + els.get(0).getText() + "'"), e);
        }
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, LIVE_WITHIN, Duration.ofMillis(200)).ignoring(RuntimeException.class)
                .until(condition::apply);
    }

    void screenshot(String name) throws IOException {
        Path dir = Platform.root().resolve("docs/screenshots");
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
