package nl.lpz.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A {@link LocalKafka} broker in a JVM of its own: ./lpz's broker, and the end-to-end suite's, which its chaos test
 * kills with SIGKILL. State in {@code --dir} (default {@code .lpz/kafka}) kept across restarts, on {@code --port}
 * (19092; controller {@code --controller-port}, the next port). Logs warnings through whichever of log4j2 and logback
 * is on the class path (devtools brings log4j2, the tests logback), with a configuration it writes into the directory.
 * Stops cleanly on SIGTERM.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Map<String, String> args = parse(argv);
        Path dir = Path.of(args.getOrDefault("dir", ".lpz/kafka")).toAbsolutePath();
        int port = Integer.parseInt(args.getOrDefault("port", "19092"));
        int controllerPort = Integer.parseInt(args.getOrDefault("controller-port", String.valueOf(port + 1)));
        Files.createDirectories(dir);
        // before anything logs: Kafka and its dependencies log through slf4j
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);
        System.setProperty("log4j2.configurationFile", log4j.toString());
        Path logback = dir.resolve("logback.xml");
        Files.writeString(logback, LOGBACK);
        System.setProperty("logback.configurationFile", logback.toString());

        System.out.println("KafkaBroker: starting KRaft broker on 127.0.0.1:" + port + " (controller "
                + controllerPort + "), data in " + dir.resolve("data"));
        LocalKafka broker = LocalKafka.builder().directory(dir).port(port).controllerPort(controllerPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("KafkaBroker: stopping");
            broker.close();
            stopped.countDown();
        }, "stop-kafka"));
        System.out.println("KafkaBroker: ready " + broker.bootstrapServers());
        stopped.await();
    }

    /** {@code --name value} and {@code --name=value}. */
    private static Map<String, String> parse(String[] argv) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            int eq = a.indexOf('=');
            if (eq >= 0) {
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < argv.length) {
                values.put(a.substring(2), argv[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return values;
    }

    private static final String LOG4J2 = """
            # written by nl.lpz.localinfra.KafkaBrokerMain
            status = warn
            appender.console.type = Console
            appender.console.name = STDOUT
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
            rootLogger.level = WARN
            rootLogger.appenderRef.console.ref = STDOUT
            logger.server.name = kafka.server.KafkaRaftServer
            logger.server.level = INFO
            logger.shutdown.name = kafka.server.BrokerServer
            logger.shutdown.level = INFO
            """;

    private static final String LOGBACK = """
            <!-- written by nl.lpz.localinfra.KafkaBrokerMain -->
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>%d{ISO8601} %-5level [%logger{0}] %msg%n</pattern></encoder>
              </appender>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <logger name="kafka.server.BrokerServer" level="INFO"/>
              <root level="WARN"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;
}
