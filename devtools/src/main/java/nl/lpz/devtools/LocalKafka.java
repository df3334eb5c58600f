package nl.lpz.devtools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker + controller in this JVM), from Maven jars only. Its state lives
 * in {@code --dir} (default {@code .lpz/kafka}): formatted on first run with a cluster id kept in {@code cluster.id},
 * so topics and offsets survive restarts. Stops cleanly on SIGTERM (Kafka's own shutdown hook).
 */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args(argv);
        Path dir = Path.of(args.get("dir", ".lpz/kafka")).toAbsolutePath();
        int port = args.getInt("port", 19092);
        int controllerPort = args.getInt("controller-port", 19093);
        Path data = dir.resolve("data");
        Files.createDirectories(data);

        Path config = dir.resolve("server.properties");
        Files.writeString(config, serverProperties(data, port, controllerPort));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);
        // before anything logs: Kafka and its dependencies log through slf4j -> log4j2
        System.setProperty("log4j2.configurationFile", log4j.toString());

        if (!Files.exists(data.resolve("meta.properties"))) {
            Path idFile = dir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid().toString() + "\n");
            }
            String clusterId = Files.readString(idFile).trim();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            System.out.print(out.toString(StandardCharsets.UTF_8));
            if (rc != 0) {
                System.err.println("LocalKafka: formatting " + data + " failed (exit " + rc + ")");
                System.exit(rc);
            }
            System.out.println("LocalKafka: formatted " + data + " with cluster id " + clusterId);
        }
        System.out.println("LocalKafka: starting KRaft broker on 127.0.0.1:" + port + " (controller " + controllerPort
                + "), data in " + data);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static String serverProperties(Path data, int port, int controllerPort) {
        return """
                # written by nl.lpz.devtools.LocalKafka on every start; edit the class, not this file
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=4
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=4
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, data);
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
