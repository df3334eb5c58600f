package nl.lpz.devtools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nl.lpz.devtools.StopSimulation.Action;
import nl.lpz.devtools.StopSimulation.Declare;
import nl.lpz.devtools.StopSimulation.End;
import nl.lpz.devtools.StopSimulation.Extend;

/**
 * Plays the hospitals' side of the stop procedure next to the EPD simulator: the actions of a {@link StopSimulation}
 * sent through the gateway as a HOSPITAL user of the location's organisation. One attempt per action, no retries:
 * a refusal ({@code 409 LAST_IN_REGION}, {@code STOP_ALREADY_ACTIVE}, a 422 rule) or a platform that does not answer
 * is logged and the simulation moves on — a stop is an occasional event, not data that must arrive.
 */
final class StopSimulator implements Runnable {
    /** The HTTP call as a HOSPITAL of {@code organisation} ({@link GatewayClient#sendAsHospital}). */
    @FunctionalInterface
    interface Hospital {
        GatewayClient.Response send(String method, String path, Object body, String organisation)
                throws IOException, InterruptedException;
    }

    private final StopSimulation simulation;
    private final Hospital hospital;
    private final Consumer<String> log;
    private final Duration tick;
    final AtomicLong declared = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong extended = new AtomicLong();
    final AtomicLong ended = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    StopSimulator(StopSimulation simulation, Hospital hospital, Consumer<String> log, Duration tick) {
        this.simulation = simulation;
        this.hospital = hospital;
        this.log = log;
        this.tick = tick;
    }

    @Override
    public void run() {
        Instant last = Instant.now();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(tick.toMillis());
                Instant now = Instant.now();
                double seconds = Duration.between(last, now).toMillis() / 1000.0;
                last = now;
                for (Action a : simulation.tick(now, seconds)) {
                    perform(a);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.accept("stop simulation ended by an error: " + e);
        }
    }

    /** Sends one action and feeds the answer back to the simulation. */
    void perform(Action action) throws InterruptedException {
        if (action instanceof Declare d) {
            declare(d);
        } else if (action instanceof Extend x) {
            extend(x);
        } else if (action instanceof End e) {
            end(e);
        }
    }

    private void declare(Declare d) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locationId", d.location().locationId());
        body.put("kind", d.kind());
        body.put("type", "UNPLANNED");
        body.put("expectedDurationMinutes", d.minutes());
        body.put("reason", d.reason());
        body.put("mkaContacted", false);
        String what = "stop %s at %s (%s), %d min, \"%s\"".formatted(d.kind(), name(d.location()),
                d.location().locationId(), d.minutes(), d.reason());
        GatewayClient.Response r = call("POST", "/api/v1/stops", body, d.location().organisationId(), what);
        if (r == null) {
            simulation.refused(d);
            return;
        }
        if (r.status() == 201) {
            try {
                JsonNode answer = r.json();
                simulation.declared(d, answer.path("stopId").asText(), instant(answer.path("startedAt")));
                declared.incrementAndGet();
                log.accept("declared " + what + " (" + answer.path("stopId").asText() + ")");
            } catch (IOException | RuntimeException unreadable) {
                simulation.refused(d);
                failed.incrementAndGet();
                log.accept("declared " + what + " but the answer is unreadable: " + GatewayClient.abbreviate(r.body()));
            }
            return;
        }
        simulation.refused(d);
        String code = code(r);
        if (r.status() == 409 || r.status() == 422) {
            refused.incrementAndGet();
            log.accept("not declared " + what + ": " + r.status() + " " + code + " - " + detail(r) + "; moving on");
        } else {
            failed.incrementAndGet();
            log.accept("not declared " + what + ": " + r.status() + " " + GatewayClient.abbreviate(r.body()));
        }
    }

    private void extend(Extend x) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expectedDurationMinutes", x.totalMinutes());
        body.put("mkaContacted", x.mkaContacted());
        body.put("reason", x.reason());
        String what = "extension of %s (%s at %s) to %d min%s".formatted(x.stopId(), x.kind(), name(x.location()),
                x.totalMinutes(), x.mkaContacted() ? ", MKA called" : "");
        GatewayClient.Response r = call("POST", "/api/v1/stops/" + x.stopId() + "/extend", body,
                x.location().organisationId(), what);
        if (r == null) {
            return;
        }
        if (r.status() == 200) {
            try {
                simulation.extended(x.stopId(), instant(r.json().path("expectedEnd")));
                extended.incrementAndGet();
                log.accept(what);
            } catch (IOException | RuntimeException unreadable) {
                failed.incrementAndGet();
                log.accept(what + ": unreadable answer " + GatewayClient.abbreviate(r.body()));
            }
            return;
        }
        if (r.status() == 409) {
            simulation.gone(x.stopId()); // ended meanwhile (e.g. lapsed by the MMA)
        }
        refused.incrementAndGet();
        log.accept("no " + what + ": " + r.status() + " " + code(r) + " - " + detail(r) + "; moving on");
    }

    private void end(End e) throws InterruptedException {
        Map<String, Object> body = Map.of("reason", e.reason());
        String what = "end of %s (%s at %s)".formatted(e.stopId(), e.kind(), name(e.location()));
        GatewayClient.Response r = call("POST", "/api/v1/stops/" + e.stopId() + "/end", body,
                e.location().organisationId(), what);
        if (r == null) {
            return;
        }
        if (r.status() == 200) {
            ended.incrementAndGet();
            log.accept("early " + what);
        } else {
            refused.incrementAndGet();
            log.accept("no " + what + ": " + r.status() + " " + code(r) + " - " + detail(r) + "; moving on");
        }
    }

    /** One attempt; null (logged) when the gateway does not answer. */
    private GatewayClient.Response call(String method, String path, Object body, String organisation, String what)
            throws InterruptedException {
        try {
            return hospital.send(method, path, body, organisation);
        } catch (IOException e) {
            failed.incrementAndGet();
            log.accept(what + ": no answer (" + e + "); moving on");
            return null;
        }
    }

    String totals() {
        return "stops declared %d, refused %d, extended %d, ended early %d, failed %d; %d running".formatted(
                declared.get(), refused.get(), extended.get(), ended.get(), failed.get(), simulation.activeStops());
    }

    private static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asText()).toInstant();
    }

    private static String code(GatewayClient.Response r) {
        try {
            return r.json().path("code").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String detail(GatewayClient.Response r) {
        try {
            return GatewayClient.abbreviate(r.json().path("detail").asText(""));
        } catch (IOException | RuntimeException e) {
            return GatewayClient.abbreviate(r.body());
        }
    }

    private static String name(SimLocation l) {
        return l.name() == null ? l.locationId() : l.name();
    }
}
