package nl.lpz.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator's alert rules and dashboard (k8s/components/observability, docs/operations.md) name metrics the running
 * platform exposes: after some traffic (a bed batch through the gateway, a refused item, reads), every metric name
 * used in the rules and the dashboard appears on some instance's /actuator/prometheus. A rule on a name nobody
 * exposes never fires, which is worse than no rule.
 */
class OperatorMetricsIT {
    private static final Path OBSERVABILITY = Platform.root().resolve("k8s/components/observability");
    private static final Pattern USED = Pattern.compile(
            "\\b((?:lpz|hikaricp|jvm|http_server_requests|spring_cloud_gateway_requests)_[a-z0-9_]+|up)\\b");

    @Test
    void givenTraffic_whenEveryComponentIsScraped_thenEveryMetricTheRulesAndTheDashboardUseIsExposed()
            throws Exception {
        String location = Lpz.newLocation(Lpz.AMC_ORG);
        Lpz.pushAll(Api.epd(Lpz.AMC_ORG), Bed.at(location, "IC", "B1", "IC_BEADEMD"));
        // one rejected item beside an accepted one: the rejection counter exists too
        Lpz.push(Api.epd(Lpz.AMC_ORG), Bed.at(location, "IC", "B2", "IC_BEADEMD"),
                Bed.at(Lpz.unique("NOPE"), "IC", "B3", "IC_BEADEMD"));
        Lpz.awaitLocation(Api.admin(), Lpz.ROAZ_NHF, location, l -> { });

        Set<String> exposed = new TreeSet<>();
        for (String service : new String[] {Platform.CAPACITY, Platform.STOP, Platform.REPORTING}) {
            for (String instance : Platform.instancesOf(service)) {
                exposed.addAll(names(scrape(Platform.baseUrl(instance) + "/actuator/prometheus", null)));
            }
        }
        // the gateway's own metrics: for an ADMIN token only
        exposed.addAll(names(scrape(Platform.gatewayUrl() + "/actuator/prometheus", "Bearer " + Api.admin().token())));
        exposed.add("up"); // Prometheus' own per target

        Set<String> used = new TreeSet<>();
        used.addAll(used(Files.readString(OBSERVABILITY.resolve("lpz-alerts.yml"))));
        used.addAll(used(Files.readString(OBSERVABILITY.resolve("lpz-overview.json"))));
        assertThat(used).as("metric names in the rules and the dashboard").hasSizeGreaterThan(10);
        assertThat(exposed).as("exposed by the running platform").containsAll(used);
    }

    private static Set<String> used(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = USED.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The metric names of a Prometheus text exposition. */
    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static String scrape(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> r = Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
        return r.body();
    }
}
