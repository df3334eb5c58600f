package nl.lpz.e2e;

import static nl.lpz.e2e.Lpz.AMC_ORG;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard when the platform cannot be reached: the gateway (the page's only server) is killed with SIGKILL
 * while an MKA has the live view open, and started again on the same port. The page says it is unreachable, since
 * when and how old the picture is, keeps the last picture, and after the gateway is back reconnects by itself and
 * catches up on a change made during the outage (pushed straight to a capacity-service instance), without reload.
 *
 * <p>Runs after the classes without {@code @Order} and before {@link StopsIT}, {@link ScaleOutIT} and
 * {@link CrashRecoveryIT} (junit-platform.properties orders classes); the gateway is started again in a
 * {@code finally} block (waiting until it is healthy) whatever happens.
 */
@Order(Integer.MAX_VALUE - 2)
class DashboardReconnectIT extends DashboardBrowser {
    /** The gateway's restart plus the page's back-off (1, 2, 4, … 30 s between attempts). */
    static final Duration RECONNECT_WITHIN = Duration.ofSeconds(120);

    @Test
    void whenTheGatewayIsKilledThePageSaysItIsUnreachableKeepsThePictureAndCatchesUpAfterItsReturn()
            throws Exception {
        String loc = Lpz.newLocation(AMC_ORG);
        Bed bed = Bed.at(loc, "IC", "ic-1", "IC_BEADEMD");
        Lpz.pushAll(Api.epd(AMC_ORG), bed);
        Lpz.awaitLocation(Api.admin(), Lpz.ROAZ_NHF, loc,
                l -> Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 1, 1, 0));

        open();
        signInAsMka(Lpz.ROAZ_NHF, Lpz.VR13);
        String avail = "[data-location='" + loc + "'] tr[data-el='IC_BEADEMD'] td.avail";
        awaitText(avail, "1");
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        assertThat(byId("offline-banner").isDisplayed()).isFalse();
        js("window.__samePage = 'yes';");

        try {
            Platform.kill9(Platform.GATEWAY);

            // unreachable: the banner says so, since when and how old the picture is; the picture stays
            waitUntil(d -> byId("offline-banner").isDisplayed());
            String banner = byId("offline-banner").getText();
            assertThat(banner).contains("Het platform is niet bereikbaar (sinds").contains("U ziet het laatste beeld")
                    .contains("oud");
            assertThat(byId("offline-banner").getAttribute("role")).isEqualTo("alert");
            assertThat(byId("conn").getAttribute("data-state")).isNotEqualTo("live");
            awaitText(avail, "1"); // (the list may be re-rendered from the kept picture: found again)
            // the age of the picture keeps counting
            waitUntil(d -> !banner.equals(byId("offline-banner").getText()));
            awaitText(avail, "1");

            // meanwhile a bed is reported through another path: straight to a capacity-service instance
            String capacity = Platform.instancesOf(Platform.CAPACITY).get(0);
            Api.Response r = Lpz.pushDirect(capacity, bed.bed("ic-2").at(Instant.now()));
            assertThat(r.status()).as("direct push: %s", r.body()).isEqualTo(202);
        } finally {
            if (!Platform.isAlive(Platform.GATEWAY)) {
                Platform.start(Platform.GATEWAY);
            }
        }

        // back: the page reconnects by itself and catches up, without reload
        new WebDriverWait(driver, RECONNECT_WITHIN, Duration.ofMillis(250)).ignoring(RuntimeException.class)
                .until(d -> "live".equals(byId("conn").getAttribute("data-state"))
                        && !byId("offline-banner").isDisplayed());
        awaitText(avail, "2");
        assertThat(js("return window.__samePage;")).isEqualTo("yes");
    }

}
