package nl.lpz.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import nl.lpz.testsupport.TestInfra;

/**
 * The platform under test, started once per test JVM and shared by every test class: the packaged jars of
 * capacity-service, reporting-service (and stop-service when it has been built) and the gateway, each a separate OS
 * process on a random free port, against this JVM's PostgreSQL server and Kafka broker ({@link TestInfra}). Stopped
 * by a shutdown hook. Tests talk to {@link #gatewayUrl()}.
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
    private Path pids;
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
        p.recordPids(p.pids);
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
        killLeftovers(root.resolve("e2e-tests/target/e2e-logs/pids"), jars);
        Path capacityJar = privateCopy(requireJar(root.resolve("capacity-service/target/capacity-service.jar")), jars);
        Path reportingJar = privateCopy(requireJar(root.resolve("reporting-service/target/reporting-service.jar")), jars);
        Path gatewayJar = privateCopy(requireJar(root.resolve("gateway/target/gateway.jar")), jars);
        Path stopJar = root.resolve("stop-service/target/stop-service.jar");

        String kafka = TestInfra.kafkaBootstrap();
        List<String> gatewayArgs = new ArrayList<>();
        gatewayArgs.add("--lpz.services.capacity-url=" + addInstances(CAPACITY, capacityJar, kafka, logs));
        gatewayArgs.add("--lpz.services.reporting-url=" + addInstances(REPORTING, reportingJar, kafka, logs));
        if (Files.isRegularFile(stopJar)) {
            stopJar = privateCopy(stopJar, jars);
            gatewayArgs.add("--lpz.services.stop-url=" + addInstances(STOP, stopJar, kafka, logs));
        }
        gatewayArgs.add("--lpz.data-dir=" + tempDir("lpz-e2e-gateway-"));
        services.put(GATEWAY, new ServiceProcess(GATEWAY, gatewayJar, freePort(), gatewayArgs,
                logs.resolve("gateway.log")));

        pids = logs.resolve("pids");
        for (ServiceProcess s : services.values()) {
            s.launch();
        }
        recordPids(pids);
        awaitAllHealthy(List.copyOf(services.values()), http);
    }

    /** Adds the service's instances (same database, same broker); answers their URLs, comma-separated. */
    private String addInstances(String service, Path jar, String kafka, Path logs) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= INSTANCES; i++) {
            String name = instanceName(service, i);
            List<String> arguments = new ArrayList<>(backendArguments(TestInfra.database(service), kafka));
            // Kafka consumer group members named after the instance (ScaleOutIT tells them apart by it)
            arguments.add("--spring.kafka.consumer.client-id=" + name);
            // six backend JVMs at Hikari's default of 10 take most of a default PostgreSQL's 100 connections
            arguments.add("--spring.datasource.hikari.maximum-pool-size=5");
            ServiceProcess s = new ServiceProcess(name, jar, freePort(), arguments, logs.resolve(name + ".log"));
            services.put(name, s);
            urls.add(s.baseUrl());
        }
        return String.join(",", urls);
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

    private static List<String> backendArguments(TestInfra.Database db, String kafka) {
        return List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--spring.kafka.bootstrap-servers=" + kafka);
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
     * Service processes of an earlier run whose test JVM was killed before its shutdown hook ran: ended by the pids
     * that run recorded, and only if they still run a jar of this suite's private copies.
     */
    private static void killLeftovers(Path pids, Path jars) {
        if (!Files.isRegularFile(pids)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pids)) {
                String[] f = line.trim().split(" ");
                if (f.length != 2) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(f[1]))
                        .filter(h -> h.info().commandLine().map(c -> c.contains(jars.toString())).orElse(false))
                        .ifPresent(h -> {
                            h.destroyForcibly();
                            h.onExit().join();
                        });
            }
            Files.delete(pids);
        } catch (IOException | NumberFormatException e) {
            // nothing left to clean, or an unreadable record: start anyway
        }
    }

    private void recordPids(Path pids) {
        StringBuilder text = new StringBuilder();
        services.values().forEach(s -> text.append(s.name()).append(' ').append(s.pid()).append('\n'));
        try {
            Files.createDirectories(pids.getParent());
            Files.writeString(pids, text);
        } catch (IOException e) {
            // a convenience for the next run only
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

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
