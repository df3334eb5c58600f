package nl.lpz.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * ./lpz's Kafka broker: local-infra's {@link nl.lpz.localinfra.LocalKafka} in a JVM of its own, state in
 * {@code --dir} (default {@code .lpz/kafka}) kept across restarts, on {@code --port} (19092; controller
 * {@code --controller-port}, 19093). Logs through log4j2 with a configuration of its own; stops cleanly on SIGTERM.
 */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] argv) throws IOException, InterruptedException {
        Args args = new Args(argv);
        Path dir = Path.of(args.get("dir", ".lpz/kafka")).toAbsolutePath();
        int port = args.getInt("port", 19092);
        int controllerPort = args.getInt("controller-port", port + 1);
        Files.createDirectories(dir);
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);
        // before anything logs: Kafka and its dependencies log through slf4j -> log4j2
        System.setProperty("log4j2.configurationFile", log4j.toString());

        System.out.println("LocalKafka: starting KRaft broker on 127.0.0.1:" + port + " (controller " + controllerPort
                + "), data in " + dir.resolve("data"));
        nl.lpz.localinfra.LocalKafka broker = nl.lpz.localinfra.LocalKafka.builder()
                .directory(dir).port(port).controllerPort(controllerPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalKafka: stopping");
            broker.close();
            stopped.countDown();
        }, "stop-kafka"));
        System.out.println("LocalKafka: ready " + broker.bootstrapServers());
        stopped.await();
    }

    private static final String LOG4J2 = """
            # written by nl.lpz.devtools.LocalKafka
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
}
