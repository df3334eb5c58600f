package nl.lpz.localinfra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The platform as processes: which services, in which order, how each is started (java command line, environment,
 * port, log) and how the gateway finds the backends' instances. ./lpz (through devtools' {@code LocalPlatform}) and
 * the end-to-end tests ({@code Platform}) build their processes here and differ only in the options they pass:
 * ports, instance names, JVM options, log handling, database and broker.
 */
public final class PlatformProcesses {

    /** The services in start order (the gateway last, with the backends' URLs); stopped in reverse. */
    public enum Service {
        CAPACITY("capacity", 8081, "lpz_capacity", "capacity-service/target/capacity-service.jar"),
        REPORTING("reporting", 8083, "lpz_reporting", "reporting-service/target/reporting-service.jar"),
        STOP("stop", 8082, "lpz_stop", "stop-service/target/stop-service.jar"),
        GATEWAY("gateway", 8080, null, "gateway/target/gateway.jar");

        private final String id;
        private final int port;
        private final String database;
        private final String builtJar;

        Service(String id, int port, String database, String builtJar) {
            this.id = id;
            this.port = port;
            this.database = database;
            this.builtJar = builtJar;
        }

        /** {@code capacity}, …: the name of its processes and logs. */
        public String id() {
            return id;
        }

        /** The port of its first instance on a developer machine. */
        public int port() {
            return port;
        }

        /** Its database on the local server ({@code lpz_capacity}, …); null for the gateway. */
        public String database() {
            return database;
        }

        /** Where the build puts its executable jar, relative to the repository root. */
        public Path builtJar(Path root) {
            return root.resolve(builtJar);
        }

        public boolean backend() {
            return this != GATEWAY;
        }

        public static List<String> databases() {
            return java.util.Arrays.stream(values()).filter(Service::backend).map(Service::database).toList();
        }
    }

    /** Database of a backend service. */
    public record Database(String url, String username, String password) {
    }

    /** How instances are named and where they listen. */
    public interface Ports {
        int of(Service service, int instance);
    }

    /** ./lpz: instance i of a service on (i-1)*10000 + its port (8081, 18081, 28081, …). */
    public static final Ports FIXED_PORTS = (service, instance) -> (instance - 1) * 10000 + service.port();

    /** Tests: a free port for each instance. */
    public static final Ports FREE_PORTS = (service, instance) -> freePort();

    /** The JVM options every service process gets. */
    static final List<String> SERVICE_SYSTEM_PROPERTIES = List.of(
            "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true");

    private final Map<Service, Path> jars = new EnumMap<>(Service.class);
    private int instances = 1;
    private boolean plainFirstName = true;
    private Ports ports = FIXED_PORTS;
    private String kafkaBootstrap;
    private Function<Service, Database> databases;
    private List<String> jvmOptions = List.of();
    private List<String> backendArguments = List.of();
    private List<String> gatewayArguments = List.of();
    private Path logs;
    private Path directory;
    private Path gatewayDataDir;
    private boolean detached;

    /** The file in the gateway's data dir that holds the public key of its identity proofs (ADR 0017). */
    public static final String GATEWAY_IDENTITY_PUBLIC_KEY = "gateway-identity-public.pem";
    /** The file in the gateway's data dir that holds the private key of its identity proofs. */
    public static final String GATEWAY_IDENTITY_KEY = "gateway-identity-key.pem";

    /** The jar each service runs from; a backend without one is left out (stop-service while it is not built). */
    public PlatformProcesses jar(Service service, Path jar) {
        jars.put(service, jar);
        return this;
    }

    public PlatformProcesses instances(int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1");
        }
        this.instances = instances;
        return this;
    }

    /**
     * true (./lpz): instance 1 is {@code capacity}, then {@code capacity-2}, …; false (tests): {@code capacity-1},
     * {@code capacity-2}, ….
     */
    public PlatformProcesses plainFirstName(boolean plainFirstName) {
        this.plainFirstName = plainFirstName;
        return this;
    }

    public PlatformProcesses ports(Ports ports) {
        this.ports = ports;
        return this;
    }

    public PlatformProcesses kafka(String bootstrapServers) {
        this.kafkaBootstrap = bootstrapServers;
        return this;
    }

    public PlatformProcesses databases(Function<Service, Database> databases) {
        this.databases = databases;
        return this;
    }

    public PlatformProcesses jvmOptions(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        return this;
    }

    /** Further arguments of every backend instance. */
    public PlatformProcesses backendArguments(List<String> arguments) {
        this.backendArguments = List.copyOf(arguments);
        return this;
    }

    /** Further arguments of the gateway. */
    public PlatformProcesses gatewayArguments(List<String> arguments) {
        this.gatewayArguments = List.copyOf(arguments);
        return this;
    }

    /** Logs as {@code <logs>/<name>.log}; the processes' working directory. */
    public PlatformProcesses logsAndDirectory(Path logs, Path directory) {
        this.logs = logs;
        this.directory = directory;
        return this;
    }

    /**
     * The gateway's {@code lpz.data-dir}, where its {@code local} profile keeps its keys; the backends trust the
     * identity key the gateway keeps there ({@link #GATEWAY_IDENTITY_PUBLIC_KEY}), read when the first request comes,
     * so they need not start after it. Default: {@code .lpz} in the working directory (the gateway's own default).
     */
    public PlatformProcesses gatewayDataDir(Path dataDir) {
        this.gatewayDataDir = dataDir;
        return this;
    }

    /** See {@link #gatewayDataDir(Path)}. */
    public Path gatewayDataDir() {
        if (gatewayDataDir != null) {
            return gatewayDataDir.toAbsolutePath();
        }
        if (directory == null) {
            throw new IllegalStateException("directory is needed");
        }
        return directory.resolve(".lpz").toAbsolutePath();
    }

    /** See {@link ProcessSpec#detached()}. */
    public PlatformProcesses detached(boolean detached) {
        this.detached = detached;
        return this;
    }

    public String instanceName(Service service, int instance) {
        return instanceName(service, instance, plainFirstName);
    }

    public static String instanceName(Service service, int instance, boolean plainFirstName) {
        if (service == Service.GATEWAY || (plainFirstName && instance == 1)) {
            return service.id();
        }
        return service.id() + "-" + instance;
    }

    /** Every process in start order: the backends' instances, then the gateway routing to them. */
    public List<ProcessSpec> specs() {
        if (kafkaBootstrap == null || databases == null || logs == null || directory == null) {
            throw new IllegalStateException("kafka, databases, logs and directory are needed");
        }
        Map<Service, List<String>> urls = new LinkedHashMap<>();
        List<ProcessSpec> specs = new ArrayList<>();
        for (Service s : Service.values()) {
            Path jar = jars.get(s);
            if (jar == null || !s.backend()) {
                continue;
            }
            Database db = databases.apply(s);
            Map<String, String> env = new HashMap<>();
            env.put("SPRING_DATASOURCE_URL", db.url());
            env.put("SPRING_DATASOURCE_USERNAME", db.username());
            env.put("SPRING_DATASOURCE_PASSWORD", db.password());
            for (int i = 1; i <= instances; i++) {
                String name = instanceName(s, i);
                int port = ports.of(s, i);
                List<String> args = new ArrayList<>();
                // Kafka consumer group members named after the instance (tests tell them apart by it)
                args.add("--spring.kafka.consumer.client-id=" + name);
                args.add("--lpz.identity.gateway-public-keys=" + gatewayDataDir().resolve(GATEWAY_IDENTITY_PUBLIC_KEY));
                args.addAll(backendArguments);
                specs.add(service(name, jar, port, env, args));
                urls.computeIfAbsent(s, k -> new ArrayList<>()).add("http://127.0.0.1:" + port);
            }
        }
        Path gatewayJar = jars.get(Service.GATEWAY);
        if (gatewayJar != null) {
            List<String> args = new ArrayList<>();
            urls.forEach((s, list) -> args.add("--lpz.services." + s.id() + "-url=" + String.join(",", list)));
            args.add("--lpz.data-dir=" + gatewayDataDir());
            args.addAll(gatewayArguments);
            specs.add(service(Service.GATEWAY.id(), gatewayJar, ports.of(Service.GATEWAY, 1), Map.of(), args));
        }
        return specs;
    }

    /**
     * One service process on this platform's broker, JVM options, logs and working directory: the {@code local}
     * profile unless the arguments name one, its port, ready when healthy.
     */
    public ProcessSpec service(String name, Path jar, int port, Map<String, String> environment,
                               List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(ProcessSpec.COMPONENT + name);
        command.addAll(jvmOptions);
        command.addAll(SERVICE_SYSTEM_PROPERTIES);
        command.add("-jar");
        command.add(jar.toString());
        if (arguments.stream().noneMatch(a -> a.startsWith("--spring.profiles.active="))) {
            command.add("--spring.profiles.active=local");
        }
        command.add("--server.port=" + port);
        if (kafkaBootstrap != null) {
            command.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap);
        }
        command.addAll(arguments);
        Map<String, String> env = new HashMap<>(environment);
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return new ProcessSpec(name, command, env, directory, logs.resolve(name + ".log"), port,
                Readiness.health(port), detached);
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
