package nl.lpz.devtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import nl.lpz.devtools.StopSimulation.Action;
import nl.lpz.devtools.StopSimulation.Declare;
import nl.lpz.devtools.StopSimulation.End;
import nl.lpz.devtools.StopSimulation.Extend;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class StopSimulationTest {
    private static final List<String> ALL_KINDS = List.of("SEH", "SR", "CTT", "EHH", "CCU", "PCI", "VERLOSKUNDE");
    private static final Instant MIDNIGHT = LocalDate.of(2026, 11, 23).atTime(LocalTime.MIDNIGHT)
            .atZone(EpdSimulation.ZONE).toInstant();
    private static final double TICK = 5;

    /** 120 hospital locations, all with an obstetric unit, a third of them with PCI, and a clinic that offers nothing. */
    private static List<SimLocation> hospitals() {
        List<SimLocation> l = new ArrayList<>(IntStream.range(0, 120).mapToObj(i -> new SimLocation(
                "1%03d01".formatted(i), "1%03d01".formatted(i / 2), "Ziekenhuis " + i, "ROAZ-NN", "Algemeen ziekenhuis",
                i % 3 == 0 ? ALL_KINDS : List.of("SEH", "SR", "CTT", "EHH", "CCU", "VERLOSKUNDE"))).toList());
        l.add(new SimLocation("100202", "100201", "Medisch centrum Annadal", "ROAZ-LI", "Buitenpolikliniek", List.of()));
        return l;
    }

    /** Runs the simulation for {@code days}, answering every declaration with 201; returns every action. */
    private static List<Object> simulate(StopSimulation sim, int days, Map<String, Instant> startedAt) {
        List<Object> all = new ArrayList<>();
        for (double t = 0; t < days * 86_400.0; t += TICK) {
            Instant now = MIDNIGHT.plusMillis((long) (t * 1000));
            for (Action a : sim.tick(now, TICK)) {
                all.add(a);
                if (a instanceof Declare d) {
                    String id = "VR01." + d.kind() + "." + UUID.randomUUID().toString().replace("-", "");
                    startedAt.put(id, now);
                    sim.declared(d, id, now);
                    all.add(new Declared(id, d, now));
                } else if (a instanceof Extend x) {
                    sim.extended(x.stopId(), startedAt.get(x.stopId()).plus(Duration.ofMinutes(x.totalMinutes())));
                    all.add(new Extended(x, now));
                } else if (a instanceof End e) {
                    all.add(new Ended(e, now));
                }
            }
        }
        return all;
    }

    /** Bookkeeping entries of {@link #simulate} (not actions of the simulation). */
    private record Declared(String stopId, Declare declaration, Instant at) {
    }

    private record Extended(Extend extension, Instant at) {
    }

    private record Ended(End end, Instant at) {
    }

    private static <T> List<T> of(List<Object> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void givenTheDefaultRate_whenSimulatingAWeek_thenAboutOneDeclarationPerTenMinutesMoreByDayThanAtNight() {
        StopSimulation sim = new StopSimulation(hospitals(), EpdSimulator.DEFAULT_STOPS_PER_HOUR, 11);
        List<Declared> declared = of(simulate(sim, 7, new HashMap<>()), Declared.class);
        double expected = 7 * 24 * EpdSimulator.DEFAULT_STOPS_PER_HOUR;
        assertThat((double) declared.size()).isCloseTo(expected, Offset.offset(expected * 0.15));
        long day = declared.stream().filter(d -> hour(d.at()) >= 10 && hour(d.at()) < 14).count();
        long night = declared.stream().filter(d -> hour(d.at()) >= 1 && hour(d.at()) < 5).count();
        assertThat(day).isGreaterThan(night * 3);
    }

    @Test
    void givenDeclarations_thenKindsTheLocationOffersMostlySehWithDutchReasonsFor30To120Minutes() {
        StopSimulation sim = new StopSimulation(hospitals(), EpdSimulator.DEFAULT_STOPS_PER_HOUR, 5);
        List<Declared> declared = of(simulate(sim, 14, new HashMap<>()), Declared.class);
        assertThat(declared).hasSizeGreaterThan(1500);
        Map<String, Integer> kinds = new HashMap<>();
        for (Declared d : declared) {
            Declare x = d.declaration();
            assertThat(x.location().careOffered()).contains(x.kind());
            assertThat(x.minutes()).isBetween(30, 120);
            assertThat(StopSimulation.REASONS.get(x.kind())).contains(x.reason());
            kinds.merge(x.kind(), 1, Integer::sum);
        }
        assertThat(kinds.get("SEH")).isGreaterThan(declared.size() / 2);
        assertThat(kinds).containsKeys("CTT", "SR", "CCU", "PCI", "VERLOSKUNDE");
        assertThat(kinds.get("PCI")).isLessThan(kinds.get("SEH") / 4);
        assertThat(kinds.get("VERLOSKUNDE")).as("the presentatiestop is rare").isLessThan(kinds.get("CTT") / 4);
        assertThat(declared).noneMatch(d -> d.declaration().location().careOffered().isEmpty());
        assertThat(StopSimulation.REASONS.get("CTT")).contains("Tijdelijk geen CT beschikbaar (storing)");
        assertThat(StopSimulation.REASONS.get("SEH")).contains("SEH vol, wachtkamer overvol");
    }

    @Test
    void givenEveryCareKind_thenTheSimulationStopsItWithItsNationalNormTimeAndReasons() {
        for (nl.lpz.events.capacity.CareKind kind : nl.lpz.events.capacity.CareKind.values()) {
            assertThat(StopSimulation.KIND_WEIGHTS).as("weight of %s", kind).containsKey(kind.name());
            assertThat(StopSimulation.NORM_MINUTES.get(kind.name())).as("norm of %s", kind)
                    .isEqualTo((int) kind.defaultNormTime().toMinutes());
            assertThat(StopSimulation.REASONS.get(kind.name())).as("reasons of %s", kind).isNotEmpty();
        }
        assertThat(StopSimulation.REASONS.get("VERLOSKUNDE")).contains("Alle verloskamers bezet");
    }

    @Test
    void givenRunningStops_thenSomeEndEarlySomeAreExtendedOnceBeforeTheirEndAndNoneIsDeclaredTwice() {
        StopSimulation sim = new StopSimulation(hospitals(), 60, 9);
        Map<String, Instant> startedAt = new HashMap<>();
        List<Object> all = simulate(sim, 3, startedAt);
        List<Declared> declared = of(all, Declared.class);
        Map<String, Declared> byId = new HashMap<>();
        declared.forEach(d -> byId.put(d.stopId(), d));
        List<Ended> ended = of(all, Ended.class);
        List<Extended> extended = of(all, Extended.class);

        double n = declared.size();
        assertThat(ended.size() / n).isCloseTo(StopSimulation.END_EARLY, Offset.offset(0.05));
        assertThat(extended.size() / n).isCloseTo(StopSimulation.EXTEND_ONCE, Offset.offset(0.05));
        Set<String> endedIds = new HashSet<>();
        for (Ended e : ended) {
            Declared d = byId.get(e.end().stopId());
            assertThat(endedIds.add(e.end().stopId())).as("ended once").isTrue();
            assertThat(e.at()).isAfter(d.at()).isBefore(d.at().plus(Duration.ofMinutes(d.declaration().minutes())));
        }
        Set<String> extendedIds = new HashSet<>();
        for (Extended x : extended) {
            Declared d = byId.get(x.extension().stopId());
            assertThat(extendedIds.add(x.extension().stopId())).as("extended once").isTrue();
            assertThat(endedIds).doesNotContain(x.extension().stopId());
            Instant end = d.at().plus(Duration.ofMinutes(d.declaration().minutes()));
            assertThat(x.at()).as("before the end, around the warning").isBefore(end)
                    .isAfterOrEqualTo(end.minus(Duration.ofMinutes(16)));
            assertThat(x.extension().totalMinutes()).isGreaterThan(d.declaration().minutes())
                    .isLessThanOrEqualTo(d.declaration().minutes() + 60);
            int norm = StopSimulation.NORM_MINUTES.get(x.extension().kind());
            assertThat(x.extension().mkaContacted()).as("MKA called when past twice the norm")
                    .isEqualTo(x.extension().totalMinutes() > 2 * norm);
        }
        assertThat(extended).anyMatch(x -> x.extension().mkaContacted()); // shock room: norm 1 h

        // one stop per location and kind at a time: a new declaration only after the previous one ended
        Map<String, Instant> busyUntil = new HashMap<>();
        Map<String, Instant> endOf = new HashMap<>();
        declared.forEach(d -> endOf.put(d.stopId(), d.at().plus(Duration.ofMinutes(d.declaration().minutes()))));
        extended.forEach(x -> endOf.put(x.extension().stopId(),
                startedAt.get(x.extension().stopId()).plus(Duration.ofMinutes(x.extension().totalMinutes()))));
        ended.forEach(e -> endOf.put(e.end().stopId(), e.at()));
        for (Declared d : declared) {
            String key = d.declaration().location().locationId() + "/" + d.declaration().kind();
            Instant previous = busyUntil.get(key);
            assertThat(previous == null || !d.at().isBefore(previous)).as("%s declared at %s while busy until %s",
                    key, d.at(), previous).isTrue();
            busyUntil.put(key, endOf.get(d.stopId()));
        }
    }

    @Test
    void givenARefusal_thenTheLocationAndKindAreFreeAgainAndNothingFollows() {
        SimLocation only = new SimLocation("100101", "100101", "AMC", "ROAZ-NHF", "Academisch ziekenhuis", List.of("SEH"));
        StopSimulation sim = new StopSimulation(List.of(only), 3600, 1); // about one per second
        Declare first = null;
        for (int i = 0; i < 100 && first == null; i++) {
            for (Action a : sim.tick(MIDNIGHT.plusSeconds(i), 1)) {
                first = (Declare) a;
            }
        }
        assertThat(first).isNotNull();
        // pending: while the platform has not answered, no second SEH stop of the location
        for (int i = 100; i < 200; i++) {
            assertThat(sim.tick(MIDNIGHT.plusSeconds(i), 1)).isEmpty();
        }
        sim.refused(first); // 409 LAST_IN_REGION
        assertThat(sim.activeStops()).isZero();
        List<Action> later = new ArrayList<>();
        for (int i = 200; i < 400; i++) {
            later.addAll(sim.tick(MIDNIGHT.plusSeconds(i), 1));
        }
        assertThat(later).hasSize(1).allMatch(a -> a instanceof Declare d && d.kind().equals("SEH"));
    }

    @Test
    void givenAStopThePlatformNoLongerHas_thenItIsForgottenAndNoFollowUpIsSent() {
        StopSimulation sim = new StopSimulation(hospitals(), 600, 4);
        Map<String, Declare> declared = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            for (Action a : sim.tick(MIDNIGHT.plusSeconds(12 * 3600 + i), 1)) {
                if (a instanceof Declare d) {
                    String id = "s" + declared.size();
                    declared.put(id, d);
                    sim.declared(d, id, MIDNIGHT.plusSeconds(12 * 3600 + i));
                }
            }
        }
        assertThat(sim.activeStops()).isEqualTo(declared.size()).isPositive();
        declared.keySet().forEach(sim::gone); // e.g. lapsed by the MMA
        assertThat(sim.activeStops()).isZero();
        for (int i = 600; i < 3 * 3600; i += 5) {
            assertThat(sim.tick(MIDNIGHT.plusSeconds(12 * 3600 + i), 5))
                    .noneMatch(a -> a instanceof End || a instanceof Extend);
        }
    }

    @Test
    void givenTheSameSeed_thenTheSameStops_andRateZeroGivesNone() {
        List<String> a = of(simulate(new StopSimulation(hospitals(), 30, 3), 1, new HashMap<>()), Declared.class)
                .stream().map(d -> d.at() + d.declaration().toString()).toList();
        List<String> b = of(simulate(new StopSimulation(hospitals(), 30, 3), 1, new HashMap<>()), Declared.class)
                .stream().map(d -> d.at() + d.declaration().toString()).toList();
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(simulate(new StopSimulation(hospitals(), 0, 3), 1, new HashMap<>())).isEmpty();
    }

    // ---- the simulator's handling of the platform's answers ---------------------------------------------------------

    @Test
    void givenTheGatewaysAnswers_whenPerformingActions_thenHospitalTokenOfTheOrganisationAndRefusalsAreLoggedAndSkipped()
            throws Exception {
        SimLocation loc = new SimLocation("104002", "104001", "Medisch Spectrum Twente", "ROAZ-EU",
                "Algemeen ziekenhuis", List.of("SEH", "CTT"));
        StopSimulation sim = new StopSimulation(List.of(loc), 0, 1);
        List<String> calls = new ArrayList<>();
        List<String> log = new ArrayList<>();
        List<GatewayClient.Response> answers = new ArrayList<>(List.of(
                new GatewayClient.Response(409, "{\"code\":\"LAST_IN_REGION\",\"detail\":\"call the MKA\"}"),
                new GatewayClient.Response(409, "{\"code\":\"STOP_ALREADY_ACTIVE\",\"detail\":\"already\"}"),
                new GatewayClient.Response(201, "{\"stopId\":\"VR05.SEH.abc\",\"startedAt\":\"2026-11-23T12:00:00Z\","
                        + "\"expectedEnd\":\"2026-11-23T13:00:00Z\"}"),
                new GatewayClient.Response(409, "{\"code\":\"STOP_NOT_ACTIVE\",\"detail\":\"lapsed\"}")));
        StopSimulator simulator = new StopSimulator(sim, (method, path, body, organisation) -> {
            JsonNode json = GatewayClient.JSON.valueToTree(body);
            calls.add(method + " " + path + " as " + organisation + " " + json);
            return answers.remove(0);
        }, log::add, Duration.ofSeconds(5));

        Declare d = new Declare(loc, "SEH", 60, "SEH vol, wachtkamer overvol");
        simulator.perform(d);
        simulator.perform(d);
        simulator.perform(d);
        assertThat(sim.activeStops()).isEqualTo(1);
        simulator.perform(new Extend(loc, "SEH", "VR05.SEH.abc", 90, false, StopSimulation.EXTEND_REASON));

        assertThat(calls).hasSize(4);
        assertThat(calls.get(0)).startsWith("POST /api/v1/stops as 104001 ")
                .contains("\"locationId\":\"104002\"", "\"kind\":\"SEH\"", "\"type\":\"UNPLANNED\"",
                        "\"expectedDurationMinutes\":60", "\"reason\":\"SEH vol, wachtkamer overvol\"",
                        "\"mkaContacted\":false");
        assertThat(calls.get(3)).startsWith("POST /api/v1/stops/VR05.SEH.abc/extend as 104001 ")
                .contains("\"expectedDurationMinutes\":90");
        assertThat(log.get(0)).contains("LAST_IN_REGION", "moving on");
        assertThat(log.get(1)).contains("STOP_ALREADY_ACTIVE", "moving on");
        assertThat(log.get(2)).contains("declared", "VR05.SEH.abc");
        assertThat(log.get(3)).contains("STOP_NOT_ACTIVE");
        assertThat(simulator.declared.get()).isEqualTo(1);
        assertThat(simulator.refused.get()).isEqualTo(3);
        assertThat(sim.activeStops()).as("the lapsed stop is forgotten").isZero();

        // no answer at all: logged, and the location may declare again later
        StopSimulator offline = new StopSimulator(sim, (m, p, b, o) -> {
            throw new java.net.ConnectException("connection refused");
        }, log::add, Duration.ofSeconds(5));
        offline.perform(d);
        assertThat(offline.failed.get()).isEqualTo(1);
        assertThat(log.get(log.size() - 1)).contains("no answer");
    }

    private static int hour(Instant t) {
        return t.atZone(EpdSimulation.ZONE).getHour();
    }
}
