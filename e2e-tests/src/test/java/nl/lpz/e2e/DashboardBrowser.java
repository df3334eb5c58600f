package nl.lpz.e2e;


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
 * A headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) on the dashboard served by the gateway of
 * the e2e {@link Platform}, and the page helpers of the dashboard tests. Skipped when {@code /usr/bin/chromedriver} is
 * absent.
 */
abstract class DashboardBrowser {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** A change reaches the page: pipeline (≤ 10 s) plus the stream and a re-read. */
    static final Duration LIVE_WITHIN = Duration.ofSeconds(20);

    WebDriver driver;
    Path userDataDir;

    @BeforeAll
    static void browserInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "dashboard browser tests skipped: /usr/bin/chromedriver is absent (apt-get install -y chromium chromium-driver)");
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

    /** Signs in through the local picker as MKA of a veiligheidsregio. */
    void signInAsMka(String roazRegionId, String safetyRegionId) {
        signInForVr("MKA", roazRegionId, safetyRegionId);
    }

    /** Signs in through the local picker in a role whose token names a veiligheidsregio (MKA, MMA, RAV, HAP). */
    void signInForVr(String role, String roazRegionId, String safetyRegionId) {
        selectValue("role", role);
        selectValue("roaz", roazRegionId);
        selectValue("vr", safetyRegionId);
        byId("signin-submit").click();
    }

    /** Signs in through the local picker as a hospital user of the organisation. */
    void signInAsHospital(String roazRegionId, String organisationId) {
        selectValue("role", "HOSPITAL");
        selectValue("roaz", roazRegionId);
        waitUntil(d -> !d.findElements(By.cssSelector("#org option[value='" + organisationId + "']")).isEmpty());
        selectValue("org", organisationId);
        byId("signin-submit").click();
    }

    /** Signs in through the local picker as RCPS of a ROAZ region. */
    void signInAsRcps(String roazRegionId) {
        selectValue("role", "RCPS");
        selectValue("roaz", roazRegionId);
        byId("signin-submit").click();
    }

    /** Shows the region as it stood at the instant (the history form, to the second, browser time zone). */
    void pickInstant(Instant instant) {
        js("const d = new Date(arguments[0]); const p = n => String(n).padStart(2, '0');"
                + "document.getElementById('asof').value = d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate())"
                + " + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());", instant.toString());
        byId("asof-go").click();
    }

    /**
     * The stop list is re-rendered whenever a live update arrives; an element found just before that is stale, or,
     * caught mid-render, not yet interactable. A command on such an element fails without acting, and the action ends
     * with its one effect (a click), so it is safe to find the elements again and repeat until the page settles.
     */
    void retryStale(Runnable action) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsMatching(e -> e instanceof org.openqa.selenium.StaleElementReferenceException
                        || e instanceof org.openqa.selenium.ElementNotInteractableException)
                .untilAsserted(action::run);
    }

    /**
     * Chooses {@code value} in the select {@code id}; the page may re-render the select between finding it and
     * choosing (a stream event arriving), so a stale element is found again.
     */
    void selectValue(String id, String value) {
        retryStale(() -> new Select(byId(id)).selectByValue(value));
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
