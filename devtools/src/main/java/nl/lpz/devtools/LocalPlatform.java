package nl.lpz.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.lpz.localinfra.process.ManagedProcess;
import nl.lpz.localinfra.process.PlatformProcesses;
import nl.lpz.localinfra.process.PlatformProcesses.Service;
import nl.lpz.localinfra.process.ProcessSpec;
import nl.lpz.localinfra.process.Readiness;

/**
 * The process side of ./lpz: {@code up}, {@code down}, {@code status} and {@code running NAME} over the state
 * directory {@code --state} (.lpz: logs/, run/ with a pid file per process, jars/ with the copies the processes run
 * from). The services are built and started by local-infra's {@link PlatformProcesses} and {@link ManagedProcess},
 * as the end-to-end tests start them; here on fixed ports, detached from this JVM, with pid files, so that a later
 * {@code ./lpz down} finds them. ./lpz itself keeps the build check, the choice and setup of PostgreSQL, and the
 * argument checks.
 */
public final class LocalPlatform {
    static final int MAX_INSTANCES = 6;

    private final Path root;
    private final Path state;
    private final Path logs;
    private final Path run;
    private final Path jars;
    private final Args args;
    private final Duration stopTimeout;

    private LocalPlatform(Args args) {
        this.args = args;
        this.root = Path.of(args.get("root", ".")).toAbsolutePath().normalize();
        this.state = Path.of(args.get("state", root.resolve(".lpz").toString())).toAbsolutePath().normalize();
        this.logs = state.resolve("logs");
        this.run = state.resolve("run");
        this.jars = state.resolve("jars");
        this.stopTimeout = Duration.ofSeconds(args.getInt("stop-timeout", 30));
    }

    public static void main(String[] argv) {
        if (argv.length == 0) {
            fail("usage: LocalPlatform up|down|status|running NAME [--state DIR] [--root DIR] ...");
        }
        String command = argv[0];
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        // running NAME: the one argument that is not an option
        String name = rest.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(null);
        Args args = new Args(rest.stream().filter(a -> a.startsWith("--")).toArray(String[]::new));
        LocalPlatform lpz = new LocalPlatform(args);
        try {
            switch (command) {
                case "up" -> lpz.up();
                case "down" -> lpz.down();
                case "status" -> lpz.status();
                case "running" -> System.exit(name != null && lpz.process(name).adopt() ? 0 : 1);
                default -> fail("unknown command " + command);
            }
        } catch (IllegalStateException | IOException e) {
            fail(e.getMessage() + (command.equals("up") ? "\n./lpz down stops what was started" : ""));
        }
    }

    // --- up ------------------------------------------------------------------------------------------------------
    private void up() throws IOException {
        int instances = args.getInt("instances", 1);
        Duration healthTimeout = Duration.ofSeconds(args.getInt("health-timeout", 240));
        int pgPort = args.getInt("pg-port", 15432);
        int kafkaPort = args.getInt("kafka-port", 19092);
        String pgMode = args.get("postgres", "embedded");
        String devtools = Files.readString(jars.resolve("devtools.classpath")).trim();
        Files.createDirectories(logs);
        Files.createDirectories(run);

        if (pgMode.equals("embedded")) {
            startAndWait(tool("postgres", "-Xmx256m", devtools, "nl.lpz.devtools.LocalPostgres",
                            new Readiness.LogLine("LocalPostgres: ready"), "--data", state.resolve("pgdata").toString(),
                            "--work", state.resolve("embedded-pg").toString(), "--port", String.valueOf(pgPort)),
                    "ready", Duration.ofSeconds(120));
        }
        String jdbc = "jdbc:postgresql://127.0.0.1:" + pgPort;
        say("PostgreSQL: " + jdbc + " (" + args.get("pg-mode", pgMode) + "), role lpz/lpz");

        startAndWait(tool("kafka", "-Xms256m -Xmx512m", devtools, "nl.lpz.localinfra.KafkaBrokerMain",
                        new Readiness.PortOpen(kafkaPort), "--dir", state.resolve("kafka").toString(),
                        "--port", String.valueOf(kafkaPort)),
                "port " + kafkaPort + " open", Duration.ofSeconds(120));

        // instances beyond the requested count, from an earlier ./lpz up --instances: stopped
        for (Service s : Service.values()) {
            for (int i = instances + 1; s.backend() && i <= MAX_INSTANCES; i++) {
                stop(PlatformProcesses.instanceName(s, i, true));
            }
        }
        // the gateway's instance lists change with the count: restart it then
        if (process("gateway").adopt() && recordedInstances() != instances) {
            say("instances per service change from " + recordedInstances() + " to " + instances
                    + ": restarting the gateway");
            stop("gateway");
        }
        Files.writeString(run.resolve("instances"), instances + "\n");

        PlatformProcesses plan = new PlatformProcesses()
                .instances(instances)
                .plainFirstName(true)
                .ports(PlatformProcesses.FIXED_PORTS)
                .kafka("127.0.0.1:" + kafkaPort)
                .databases(s -> new PlatformProcesses.Database(jdbc + "/" + s.database(), "lpz", "lpz"))
                .jvmOptions(Arrays.stream(args.get("service-jvm", "-Xms128m -Xmx512m").trim().split("\\s+"))
                        .filter(o -> !o.isEmpty()).toList())
                .logsAndDirectory(logs, state)
                .detached(true);
        for (Service s : Service.values()) {
            Path built = s.builtJar(root);
            if (!Files.isRegularFile(built)) {
                if (s == Service.STOP) {
                    continue;
                }
                throw new IllegalStateException("missing " + built + " (build: ./mvnw -q -B -DskipTests install)");
            }
            Path copy = jars.resolve(s.id() + ".jar");
            if (!process(s.id()).adopt()) {
                // processes run from copies, never from target/: a rebuild rewrites target/*.jar in place, and a JVM
                // running from a jar that changes under it fails; replaced by rename, so a running JVM keeps its file
                Path tmp = jars.resolve(s.id() + ".jar.tmp");
                Files.copy(built, tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            plan.jar(s, copy);
        }
        List<ManagedProcess> started = new ArrayList<>();
        for (ProcessSpec spec : plan.specs()) {
            started.add(start(spec));
        }
        for (ManagedProcess p : started) {
            await(p, "healthy on :" + p.spec().port(), healthTimeout);
        }

        boolean simulator = args.flag("simulator");
        if (simulator) {
            start(tool("simulator", "-Xmx256m", devtools, "nl.lpz.devtools.EpdSimulator", new Readiness.Started(),
                    "--gateway", "http://127.0.0.1:8080", "--rate", args.get("sim-rate", "20")));
        } else {
            stop("simulator");
        }

        String names;
        try (Stream<Path> files = Files.list(run)) {
            names = String.join("|", files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".pid"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList());
        }
        System.out.printf("""

                LPZ is up: http://localhost:8080 (gateway; OpenAPI at http://localhost:8080/v3/api-docs); %d instance(s) per service
                  a token:   curl -s -X POST localhost:8080/dev/tokens -H 'Content-Type: application/json' \\
                               -d '{"sub":"me","roles":["RCPS"],"region":"ROAZ-NHF"}'
                  then:      curl -s localhost:8080/api/v1/regions/ROAZ-NHF/capacity -H "Authorization: Bearer $TOKEN"
                  status:    ./lpz status      logs: ./lpz logs [%s]
                  stop:      ./lpz down        (data stays in .lpz/)
                """, instances, names);
        if (simulator) {
            System.out.println("  the EPD simulator pushes generated (not real) bed figures for every hospital location");
        }
    }

    /** A devtools main in a JVM of its own (broker, PostgreSQL, simulator), in the state directory. */
    private ProcessSpec tool(String name, String jvm, String classpath, String mainClass, Readiness readiness,
                             String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(ProcessSpec.COMPONENT + name);
        command.addAll(Arrays.asList(jvm.split(" ")));
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(Arrays.asList(arguments));
        return new ProcessSpec(name, command, Map.of(), state, logs.resolve(name + ".log"), -1, readiness, true);
    }

    private ManagedProcess start(ProcessSpec spec) {
        ManagedProcess p = new ManagedProcess(spec, pidFile(spec.name()));
        if (p.adopt()) {
            say(spec.name() + " already running (pid " + p.pid() + ")");
            return p;
        }
        p.launch(ManagedProcess.LogStart.ROTATE);
        say("started " + spec.name() + " (pid " + p.pid() + ", log " + shown(p.log()) + ")");
        return p;
    }

    private void startAndWait(ProcessSpec spec, String what, Duration timeout) {
        await(start(spec), what, timeout);
    }

    private void await(ManagedProcess p, String what, Duration timeout) {
        long t0 = System.nanoTime();
        p.awaitReady(timeout);
        say(p.name() + ": " + what + " after " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + "s");
    }

    // --- down ----------------------------------------------------------------------------------------------------
    private void down() {
        stop("simulator");
        Service[] services = Service.values();
        for (int i = services.length - 1; i >= 0; i--) {
            for (int n = MAX_INSTANCES; services[i].backend() && n >= 2; n--) {
                stop(PlatformProcesses.instanceName(services[i], n, true));
            }
            stop(services[i].id());
        }
        stop("kafka");
        stop("postgres");
    }

    private void stop(String name) {
        ManagedProcess p = process(name);
        if (!p.adopt()) {
            p.stop(stopTimeout); // removes a stale pid file
            return;
        }
        if (!p.stop(stopTimeout)) {
            say(name + " did not stop within " + stopTimeout.toSeconds() + "s: KILL");
        }
        say("stopped " + name);
    }

    // --- status --------------------------------------------------------------------------------------------------
    private void status() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"kafka", String.valueOf(args.getInt("kafka-port", 19092))});
        int recorded = recordedInstances();
        for (Service s : Service.values()) {
            rows.add(new String[] {s.id(), String.valueOf(s.port())});
            for (int i = 2; s.backend() && i <= MAX_INSTANCES; i++) {
                String name = PlatformProcesses.instanceName(s, i, true);
                if (Files.exists(pidFile(name)) || i <= recorded) {
                    rows.add(new String[] {name, String.valueOf(PlatformProcesses.FIXED_PORTS.of(s, i))});
                }
            }
        }
        rows.add(new String[] {"simulator", null});
        for (String[] row : rows) {
            ManagedProcess p = process(row[0]);
            if (!p.adopt()) {
                System.out.printf("%-12s %-8s%n", row[0], "stopped");
                continue;
            }
            String health = "running";
            if (row[1] != null && !row[0].equals("kafka")) {
                health = ManagedProcess.healthAnswer(Integer.parseInt(row[1])).isEmpty() ? "UP" : "starting/down";
            }
            System.out.printf("%-12s %-8s %-8s pid %d%n", row[0], health, row[1] == null ? "" : ":" + row[1], p.pid());
        }
    }

    // --- state ---------------------------------------------------------------------------------------------------
    private ManagedProcess process(String name) {
        return ManagedProcess.known(name, pidFile(name), logs.resolve(name + ".log"));
    }

    private Path pidFile(String name) {
        return run.resolve(name + ".pid");
    }

    /** The instance count ./lpz up last started (1 when none recorded). */
    private int recordedInstances() {
        try {
            return Integer.parseInt(Files.readString(run.resolve("instances")).trim());
        } catch (IOException | NumberFormatException e) {
            return 1;
        }
    }

    private String shown(Path p) {
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private static void say(String line) {
        System.out.println("lpz: " + line);
    }

    private static void fail(String message) {
        System.out.flush();
        System.err.println("lpz: " + message);
        System.exit(1);
    }
}
