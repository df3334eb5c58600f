package nl.lpz.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.lpz.localinfra.process.ManagedProcess;
import nl.lpz.localinfra.process.PlatformProcesses;
import nl.lpz.localinfra.process.PlatformProcesses.Service;
import nl.lpz.localinfra.process.ProcessSpec;
import nl.lpz.testsupport.TestInfra;

/**
 * The platform under test, started once per test JVM and shared by every test class: the packaged jars of
 * capacity-service, reporting-service (and stop-service when it has been built) and the gateway, each a separate OS
 * process on a random free port, against this JVM's PostgreSQL server and Kafka broker ({@link TestInfra}). Stopped
 * by a shutdown hook. Tests talk to {@link #gatewayUrl()}. The processes are built and started as ./lpz builds and
 * starts them ({@link PlatformProcesses}, {@link ManagedProcess}; ADR 0013), with free ports, numbered instance names,
 * the tests' JVM options and logs in {@code e2e-tests/target/e2e-logs}.
 * <p>
 * Each backend service runs as {@link #INSTANCES} instances (system property {@code lpz.e2e.instances}, default 2),
 * named {@code capacity-1}, {@code capacity-2}, …, all against the same database of that service and the same
 * broker; the gateway gets the list of their URLs and balances between them. A service name ({@code "capacity"})
 * stands for all its instances in {@link #kill9} and {@link #start}, an instance name for that instance only.
 */
final class Platform {
    static final String CAPACITY = "capacity";
    static final String REPORTING = "reporting";
    static final String STOP = "stop";
    static final String GATEWAY = "gateway";
    /** Instances per backend service. */
    static final int INSTANCES = Math.max(1, Integer.getInteger("lpz.e2e.instances", 2));

    private static Platform instance;
    private static RuntimeException startFailure;

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private Path gatewayDataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Platform() {
    }

    /** The running platform, started on first use; a failed start fails every later caller with the same cause. */
    static synchronized Platform get() {
        if (startFailure != null) {
            throw new IllegalStateException("the platform did not start (see the first failure)", startFailure);
        }
        if (instance == null) {
            Platform p = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(p::stopAll, "e2e-platform-stop"));
            try {
                p.startAll();
            } catch (RuntimeException e) {
                startFailure = e;
                p.stopAll();
                throw e;
            }
            instance = p;
        }
        return instance;
    }

    static String gatewayUrl() {
        return get().instance(GATEWAY).baseUrl();
    }

    /** SIGKILL of a service's every instance ({@code "capacity"}) or of one instance ({@code "capacity-2"}). */
    static void kill9(String name) {
        Platform p = get();
        p.resolve(name).forEach(ServiceProcess::kill9);
    }

    /**
     * Starts stopped or killed instances again (all of a service, or one), on the same ports with the same
     * arguments, and waits until they are healthy.
     */
    static void start(String name) {
        Platform p = get();
        List<ServiceProcess> started = p.resolve(name);
        started.forEach(ServiceProcess::launch);
        awaitAllHealthy(started, p.http);
    }

    /** Whether this platform runs the service or instance (stop-service only when its jar had been built). */
    static boolean has(String name) {
        return !get().resolveOrEmpty(name).isEmpty();
    }

    /** The log of an instance, or of a service's first instance. */
    static Path logOf(String name) {
        return get().resolve(name).get(0).log();
    }

    /** The instance names of a service, e.g. {@code [capacity-1, capacity-2]}. */
    static List<String> instancesOf(String service) {
        return get().resolve(service).stream().map(ServiceProcess::name).toList();
    }

    /** Base URL of one instance, e.g. {@code http://127.0.0.1:41234} for {@code "capacity-2"}. */
    static String baseUrl(String instance) {
        return get().instance(instance).baseUrl();
    }

    /** Process id of one instance (-1 when it was never started). */
    static long pid(String instance) {
        return get().instance(instance).pid();
    }

    static boolean isAlive(String instance) {
        return get().instance(instance).isAlive();
    }

    static String instanceName(String service, int number) {
        return service + "-" + number;
    }

    /** The platform gateway's identity key (PKCS#8 PEM), which every backend instance trusts (ADR 0017). */
    static Path gatewayIdentityKey() {
        return get().gatewayDataDir.resolve(PlatformProcesses.GATEWAY_IDENTITY_KEY);
    }

    /**
     * A second gateway process outside the {@code local} profile: it takes the tokens of an identity provider
     * ({@code issuer}, its JWK set), signs its proofs with this platform's identity key, which the backends trust
     * (ADR 0017), and routes to this platform's backends. Started and healthy; the caller stops it.
     */
    static ServiceProcess startGatewayAgainst(String issuer, String jwkSetUri, String name, List<String> moreArguments) {
        Platform p = get();
        List<String> args = new ArrayList<>();
        args.add("--spring.profiles.active=default"); // not local: no dev tokens, tokens of the identity provider
        args.add("--server.address=127.0.0.1");
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
        args.add("--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + jwkSetUri);
        // the suite's broker: without it the gateway waited 30 s for a broker at the default address at start (its
        // Kafka admin) and its audit producer retried for as long as it ran
        args.add("--spring.kafka.bootstrap-servers=" + TestInfra.kafkaBootstrap());
        args.add("--lpz.services.capacity-url=" + p.urlsOf(CAPACITY));
        args.add("--lpz.services.reporting-url=" + p.urlsOf(REPORTING));
        if (has(STOP)) {
            args.add("--lpz.services.stop-url=" + p.urlsOf(STOP));
        }
        args.add("--lpz.data-dir=" + tempDir("lpz-e2e-" + name + "-"));
        args.add("--lpz.identity.signing-key=" + gatewayIdentityKey());
        args.addAll(moreArguments);
        Path root = root();
        ServiceProcess gateway = new ServiceProcess(name, root.resolve("e2e-tests/target/e2e-jars/gateway.jar"),
                freePort(), args, root.resolve("e2e-tests/target/e2e-logs/" + name + ".log"));
        gateway.launch();
        gateway.awaitHealthy(p.http);
        return gateway;
    }

    private String urlsOf(String service) {
        return String.join(",", resolve(service).stream().map(ServiceProcess::baseUrl).toList());
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path root() {
        String root = System.getProperty("lpz.root");
        if (root == null || root.isBlank()) {
            // run from the IDE in the module directory
            Path here = Path.of("").toAbsolutePath();
            return Files.exists(here.resolve("e2e-tests")) ? here : here.getParent();
        }
        return Path.of(root).toAbsolutePath();
    }

    private ServiceProcess instance(String name) {
        ServiceProcess s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no instance " + name + " in this platform; running: " + services.keySet());
        }
        return s;
    }

    private List<ServiceProcess> resolve(String name) {
        List<ServiceProcess> found = resolveOrEmpty(name);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no service or instance " + name + " in this platform; running: "
                    + services.keySet());
        }
        return found;
    }

    private List<ServiceProcess> resolveOrEmpty(String name) {
        ServiceProcess exact = services.get(name);
        if (exact != null) {
            return List.of(exact);
        }
        return services.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "-") && e.getKey().substring(name.length() + 1).matches("\\d+"))
                .map(Map.Entry::getValue)
                .toList();
    }

    private void startAll() {
        Path root = root();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        // private copies: the modules' jars may be rebuilt while the suite runs, which breaks a JVM running from them
        Path jars = root.resolve("e2e-tests/target/e2e-jars");
        Path pids = root.resolve("e2e-tests/target/e2e-run");
        killLeftovers(pids);
        gatewayDataDir = tempDir("lpz-e2e-gateway-");
        // every process exports its sampled spans to this JVM (TracingIT), sooner than the default five seconds; only
        // requests that arrive with a sampled traceparent are traced, not a tenth of the suite's traffic
        List<String> tracing = List.of(
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + OtlpReceiver.get().endpoint(),
                "--management.opentelemetry.tracing.export.schedule-delay=200ms",
                "--management.tracing.sampling.probability=0.0");
        PlatformProcesses plan = new PlatformProcesses()
                .jar(Service.CAPACITY, privateCopy(requireJar(Service.CAPACITY.builtJar(root)), jars))
                .jar(Service.REPORTING, privateCopy(requireJar(Service.REPORTING.builtJar(root)), jars))
                .jar(Service.GATEWAY, privateCopy(requireJar(Service.GATEWAY.builtJar(root)), jars))
                .instances(INSTANCES)
                .plainFirstName(false)
                .ports(PlatformProcesses.FREE_PORTS)
                .kafka(TestInfra.kafkaBootstrap())
                .databases(service -> {
                    TestInfra.Database db = TestInfra.database(service.id());
                    return new PlatformProcesses.Database(db.url(), db.username(), db.password());
                })
                .jvmOptions(ServiceProcess.JVM_OPTIONS)
                // six backend JVMs at Hikari's default of 10 take most of a default PostgreSQL's 100 connections
                .backendArguments(concat(tracing, "--spring.datasource.hikari.maximum-pool-size=5",
                        // a module that exists only as a definition file: ModulesIT drives it through the platform
                        "--lpz.modules.definitions=file:" + root.resolve(
                                "test-support/src/main/resources/lpz-modules/proefmodule-v1.yaml")))
                // the suite's shared clients (e2e-admin, the reference organisations' EPDs) set up their fixtures in
                // quick loops, so their limits are far above the defaults; RateLimitIT's flooding client is held to
                // 5 a second, so that 300 requests sent at once are refused in part however slowly a loaded machine
                // lets them arrive
                .gatewayDataDir(gatewayDataDir)
                .gatewayArguments(concat(tracing, "--lpz.gateway.rate-limits.per-client=2000",
                        "--lpz.gateway.rate-limits.per-organisation=5000",
                        "--lpz.gateway.rate-limits.client-overrides.[e2e-ratelimit-flood]=5"))
                .logsAndDirectory(logs, jars);
        Path stopJar = Service.STOP.builtJar(root);
        if (Files.isRegularFile(stopJar)) {
            plan.jar(Service.STOP, privateCopy(stopJar, jars));
        }
        for (ProcessSpec spec : plan.specs()) {
            services.put(spec.name(), new ServiceProcess(spec, pids.resolve(spec.name() + ".pid")));
        }
        for (ServiceProcess s : services.values()) {
            s.launch();
        }
        awaitAllHealthy(List.copyOf(services.values()), http);
    }

    private static void awaitAllHealthy(List<ServiceProcess> processes, HttpClient http) {
        Map<String, CompletableFuture<Void>> healthy = new LinkedHashMap<>();
        processes.forEach(s -> healthy.put(s.name(), CompletableFuture.runAsync(() -> s.awaitHealthy(http))));
        List<String> failures = new ArrayList<>();
        healthy.forEach((name, f) -> {
            try {
                f.join();
            } catch (java.util.concurrent.CompletionException e) {
                failures.add(e.getCause() == null ? e.toString() : e.getCause().getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the platform did not start:\n\n" + String.join("\n\n", failures));
        }
    }

    private void stopAll() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::stop);
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": package the services first ("
                    + "./mvnw -DskipTests -pl capacity-service,reporting-service,gateway -am package)");
        }
        return jar;
    }

    /**
     * Service processes of an earlier run whose test JVM was killed before its shutdown hook ran: ended by the pid
     * files that run left, and only if they still carry the instance's component marker.
     */
    private static void killLeftovers(Path pids) {
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (var files = Files.list(pids)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
                ManagedProcess.fromPidFile(pidFile, name).ifPresent(h -> {
                    h.destroyForcibly();
                    h.onExit().join();
                });
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // nothing left to clean, or an unreadable record: start anyway
        }
    }

    /** Copies a jar that may be being rewritten, until the copy is a complete jar (its central directory reads). */
    private static Path privateCopy(Path jar, Path dir) {
        Path target = dir.resolve(jar.getFileName());
        IOException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "copy-", ".jar");
                Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                try (java.util.jar.JarFile check = new java.util.jar.JarFile(tmp.toFile())) {
                    if (check.getManifest() == null) {
                        throw new IOException(jar + " has no manifest");
                    }
                }
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return target;
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("cannot copy a complete " + jar + " (being rebuilt?)", last);
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
