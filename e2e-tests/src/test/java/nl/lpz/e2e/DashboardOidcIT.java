package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's OIDC sign-in (authorization code + PKCE, public client) outside the {@code local} profile, in a
 * real headless Chromium: a stub identity provider inside this JVM ({@link StubIdentityProvider}) and a second
 * gateway process without the {@code local} profile, validating the stub's tokens and routing to the backends of the
 * e2e {@link Platform}. Skipped, like {@link DashboardIT}, when {@code /usr/bin/chromedriver} is absent.
 */
class DashboardOidcIT {
    static final String CLIENT_ID = "lpz-dashboard";

    static StubIdentityProvider idp;
    static ServiceProcess gateway;

    WebDriver driver;
    Path userDataDir;

    @BeforeAll
    static void platformAndIdentityProvider() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(DashboardIT.CHROMEDRIVER),
                "DashboardOidcIT skipped: /usr/bin/chromedriver is absent (apt-get install -y chromium chromium-driver)");
        Platform.get();
        idp = StubIdentityProvider.start();
        gateway = Platform.startGatewayAgainst(idp.issuer(), idp.issuer() + "/jwks", "gateway-oidc",
                List.of("--lpz.gateway.dashboard.oidc.client-id=" + CLIENT_ID,
                        "--lpz.gateway.dashboard.oidc.scope=openid profile"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @BeforeEach
    void browser() throws IOException {
        userDataDir = Files.createTempDirectory("lpz-chromium-");
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(DashboardIT.CHROMIUM)) {
            options.setBinary(DashboardIT.CHROMIUM.toFile());
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDir, "--window-size=1400,1800", "--lang=nl-NL");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DashboardIT.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void mkaSignsInWithTheIdentityProviderSeesTheRegionAndSignsOut() {
        // a location of VR13 with a bed, pushed through the e2e platform's own gateway
        String loc = Lpz.newLocation(Lpz.AMC_ORG);
        Lpz.pushAll(Api.epd(Lpz.AMC_ORG), Bed.at(loc, "IC", "ic-1", "IC_BEADEMD"));
        Lpz.awaitLocation(Api.admin(), Lpz.ROAZ_NHF, loc, l -> Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 1, 1, 0));
        idp.nextUser("mka.oidc", List.of("MKA"), null, Lpz.VR13);
        int exchanges = idp.exchanges().size();
        int logouts = idp.logouts().size();

        driver.get(gateway.baseUrl() + "/");
        waitUntil(d -> "Aanmelden via de inlogdienst".equals(byId("signin-submit").getText()));
        assertThat(byId("role").isDisplayed()).as("the picker is hidden in OIDC mode").isFalse();
        assertThat(byId("subject").isDisplayed()).isFalse();
        byId("signin-submit").click();

        // the stub redirects straight back with a code; the page exchanges it (PKCE) and shows VR13
        String avail = "[data-location='" + loc + "'] tr[data-el='IC_BEADEMD'] td.avail";
        waitUntil(d -> !d.findElements(By.cssSelector(avail)).isEmpty()
                && d.findElement(By.cssSelector(avail)).getText().trim().startsWith("1"));
        waitUntil(d -> "live".equals(byId("conn").getAttribute("data-state")));
        assertThat(idp.exchanges().subList(exchanges, idp.exchanges().size())).as("token requests whose code_verifier matched the S256 challenge").containsExactly("ok");
        assertThat(byId("who").getText()).contains("mka.oidc").contains("MKA").contains("VR13");
        assertThat(driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat((String) js("return sessionStorage.getItem('lpz.session');")).contains("\"mode\":\"oidc\"");
        assertThat((Long) js("return Object.keys(localStorage).filter(k => localStorage.getItem(k).includes('eyJ')).length;"))
                .as("no token in localStorage").isZero();
        assertThat(byId("signin").isDisplayed()).isFalse();

        // sign out: the session is cleared and the provider's end_session_endpoint brings the page back signed out
        byId("signout").click();
        waitUntil(d -> byId("signin").isDisplayed() && "Aanmelden via de inlogdienst".equals(byId("signin-submit").getText()));
        assertThat(idp.logouts()).hasSize(logouts + 1);
        assertThat(idp.logouts().get(logouts)).contains("client_id=" + CLIENT_ID).contains("id_token_hint=");
        assertThat(js("return sessionStorage.getItem('lpz.session');")).isNull();

        // a failed token exchange is explained on the page
        idp.failNextExchange();
        byId("signin-submit").click();
        waitUntil(d -> byId("signin-error").getText().contains("Aanmelden is mislukt"));
        assertThat(byId("signin-error").getText()).contains("invalid_grant");
        assertThat(byId("app").isDisplayed()).isFalse();
    }

    @Test
    void hospitalUserWithoutRegionInTheTokenChoosesTheRoazRegionOnce() {
        String loc = Lpz.newLocation(Lpz.AMC_ORG);
        Lpz.pushAll(Api.epd(Lpz.AMC_ORG), Bed.at(loc, "IC", "ic-1", "IC_BEADEMD"));
        Lpz.awaitLocation(Api.admin(), Lpz.ROAZ_NHF, loc, l -> Lpz.assertFigures(Lpz.element(l, "IC_BEADEMD"), 1, 1, 0));
        idp.nextUser("seh.oidc", List.of("HOSPITAL"), Lpz.AMC_ORG, null);

        driver.get(gateway.baseUrl() + "/");
        waitUntil(d -> "Aanmelden via de inlogdienst".equals(byId("signin-submit").getText()));
        byId("signin-submit").click();
        waitUntil(d -> "Doorgaan".equals(byId("signin-submit").getText()) && byId("roaz").isDisplayed());
        new org.openqa.selenium.support.ui.Select(byId("roaz")).selectByValue(Lpz.ROAZ_NHF);
        byId("signin-submit").click();

        String card = "[data-location='" + loc + "']";
        waitUntil(d -> !d.findElements(By.cssSelector(card + " tr[data-el='IC_BEADEMD'] td.avail")).isEmpty());
        waitUntil(d -> byId("manage").isDisplayed());
        assertThat(byId("who").getText()).contains("seh.oidc").contains("HOSPITAL").contains(Lpz.AMC_ORG);

        // a reload keeps the session and the chosen region
        driver.navigate().refresh();
        waitUntil(d -> !d.findElements(By.cssSelector(card)).isEmpty());
        assertThat(byId("signin").isDisplayed()).isFalse();
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, DashboardIT.LIVE_WITHIN, Duration.ofMillis(200)).ignoring(RuntimeException.class)
                .until(condition::apply);
    }

    /**
     * A minimal OpenID provider on a free loopback port: discovery, {@code /authorize} that redirects back at once
     * (no login form) with a code bound to the PKCE challenge, {@code /token} that checks the verifier (S256) and
     * answers an RS256 access token with the claims the gateway relays, {@code /jwks}, and {@code /logout}.
     * Discovery and token answers allow any origin (CORS), as an IdP does for a registered browser client.
     */
    static final class StubIdentityProvider implements AutoCloseable {
        private final HttpServer server;
        private final KeyPair key;
        private final String keyId = "stub-" + UUID.randomUUID();
        private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
        private final List<String> exchanges = new CopyOnWriteArrayList<>();
        private final List<String> logouts = new CopyOnWriteArrayList<>();
        private volatile Map<String, Object> user = Map.of("sub", "user", "roles", List.of());
        private volatile boolean failNext;

        private StubIdentityProvider(HttpServer server, KeyPair key) {
            this.server = server;
            this.key = key;
        }

        static StubIdentityProvider start() throws IOException {
            KeyPair key;
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                key = g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubIdentityProvider idp = new StubIdentityProvider(server, key);
            server.createContext("/.well-known/openid-configuration", idp::discovery);
            server.createContext("/authorize", idp::authorize);
            server.createContext("/token", idp::token);
            server.createContext("/jwks", idp::jwks);
            server.createContext("/logout", idp::logout);
            server.start();
            return idp;
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void nextUser(String sub, List<String> roles, String organisation, String region) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", sub);
            claims.put("preferred_username", sub);
            claims.put("roles", roles);
            if (organisation != null) {
                claims.put("organisation", organisation);
            }
            if (region != null) {
                claims.put("region", region);
            }
            user = claims;
        }

        void failNextExchange() {
            failNext = true;
        }

        List<String> exchanges() {
            return List.copyOf(exchanges);
        }

        List<String> logouts() {
            return List.copyOf(logouts);
        }

        @Override
        public void close() {
            server.stop(0);
        }

        private void discovery(HttpExchange ex) throws IOException {
            String i = issuer();
            send(ex, 200, "{\"issuer\":\"" + i + "\",\"authorization_endpoint\":\"" + i + "/authorize\","
                    + "\"token_endpoint\":\"" + i + "/token\",\"jwks_uri\":\"" + i + "/jwks\","
                    + "\"end_session_endpoint\":\"" + i + "/logout\",\"response_types_supported\":[\"code\"],"
                    + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                    + "\"code_challenge_methods_supported\":[\"S256\"]}");
        }

        private void authorize(HttpExchange ex) throws IOException {
            Map<String, String> q = form(ex.getRequestURI().getRawQuery());
            String redirect = q.get("redirect_uri");
            if (redirect == null || !"code".equals(q.get("response_type")) || !CLIENT_ID.equals(q.get("client_id"))
                    || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null
                    || q.getOrDefault("scope", "").indexOf("openid") < 0) {
                send(ex, 400, "{\"error\":\"invalid_request\"}");
                return;
            }
            String code = UUID.randomUUID().toString();
            codes.put(code, q);
            ex.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                    + "&state=" + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        }

        private void token(HttpExchange ex) throws IOException {
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{\"error\":\"invalid_request\"}");
                return;
            }
            Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> asked = f.get("code") == null ? null : codes.remove(f.get("code"));
            String verifier = f.getOrDefault("code_verifier", "");
            if (failNext || asked == null || !"authorization_code".equals(f.get("grant_type"))
                    || !CLIENT_ID.equals(f.get("client_id")) || !asked.get("redirect_uri").equals(f.get("redirect_uri"))
                    || !s256(verifier).equals(asked.get("code_challenge"))) {
                failNext = false;
                exchanges.add("refused");
                send(ex, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"code or code_verifier not accepted\"}");
                return;
            }
            exchanges.add("ok");
            Instant now = Instant.now();
            Map<String, Object> claims = new LinkedHashMap<>(user);
            claims.put("iss", issuer());
            claims.put("aud", CLIENT_ID);
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plusSeconds(600).getEpochSecond());
            claims.put("jti", UUID.randomUUID().toString());
            String access = sign(claims);
            String id = sign(Map.<String, Object>of("iss", issuer(), "aud", CLIENT_ID, "sub", claims.get("sub"),
                    "iat", now.getEpochSecond(), "exp", now.plusSeconds(600).getEpochSecond()));
            send(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":600,"
                    + "\"id_token\":\"" + id + "\",\"scope\":\"" + asked.get("scope") + "\"}");
        }

        private void jwks(HttpExchange ex) throws IOException {
            RSAPublicKey pub = (RSAPublicKey) key.getPublic();
            send(ex, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\","
                    + "\"n\":\"" + b64(unsigned(pub.getModulus().toByteArray())) + "\","
                    + "\"e\":\"" + b64(unsigned(pub.getPublicExponent().toByteArray())) + "\"}]}");
        }

        private void logout(HttpExchange ex) throws IOException {
            logouts.add(ex.getRequestURI().getRawQuery());
            String back = form(ex.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
            if (back == null) {
                send(ex, 200, "{}");
                return;
            }
            ex.getResponseHeaders().add("Location", back);
            ex.sendResponseHeaders(302, -1);
            ex.close();
        }

        private String sign(Map<String, Object> claims) {
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
            String input = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(json(claims).getBytes(StandardCharsets.UTF_8));
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(key.getPrivate());
                rsa.update(input.getBytes(StandardCharsets.US_ASCII));
                return input + "." + b64(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String json(Map<String, Object> claims) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String s256(String verifier) {
            try {
                return b64(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] unsigned(byte[] twosComplement) {
            return twosComplement.length > 1 && twosComplement[0] == 0
                    ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
        }

        private static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static Map<String, String> form(String raw) {
            Map<String, String> map = new LinkedHashMap<>();
            if (raw == null || raw.isEmpty()) {
                return map;
            }
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                map.put(k, v);
            }
            return map;
        }

        private static void send(HttpExchange ex, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            ex.getResponseHeaders().add("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }
    }
}
