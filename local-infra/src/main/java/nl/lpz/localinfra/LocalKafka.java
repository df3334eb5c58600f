package nl.lpz.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller) in this JVM, from Maven jars only. With a
 * directory its state is kept: formatted on first start with a cluster id kept in {@code cluster.id}, so topics and
 * offsets survive restarts (./lpz: {@code .lpz/kafka}); without one it lives in a temporary directory removed on
 * {@link #close()} (tests). Topics are created on first use with {@value #PARTITIONS} partitions.
 * <p>
 * For tests of a broker outage, {@link #shutdownKeepingState()} stops the broker without removing its directory (also
 * a throwaway one) and {@link #restartFromState()} starts it again on the same ports from the same directory, so
 * clients that know its address reconnect and find their topics, records and committed offsets again.
 */
public final class LocalKafka implements AutoCloseable {
    public static final int PARTITIONS = 4;

    private final Properties config;
    private final int port;
    private final Path directory;
    private final boolean throwaway;
    /** The running server; null between {@link #shutdownKeepingState()} and {@link #restartFromState()}. */
    private KafkaRaftServer server;

    private LocalKafka(KafkaRaftServer server, Properties config, int port, Path directory, boolean throwaway) {
        this.server = server;
        this.config = config;
        this.port = port;
        this.directory = directory;
        this.throwaway = throwaway;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        shutdownKeepingState();
        if (throwaway) {
            deleteTree(directory);
        }
    }

    /**
     * Stops the broker (a controlled shutdown, as on SIGTERM of a broker process) and keeps its directory, even a
     * throwaway one, for {@link #restartFromState()}. Does nothing when it is already stopped.
     */
    public synchronized void shutdownKeepingState() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a broker stopped by {@link #shutdownKeepingState()} again, on the same ports and directory. */
    public synchronized void restartFromState() {
        if (server == null) {
            server = startServer(config);
        }
    }

    /** Whether the broker runs (it was not stopped by {@link #shutdownKeepingState()} or {@link #close()}). */
    public synchronized boolean isRunning() {
        return server != null;
    }

    private static KafkaRaftServer startServer(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return server;
    }

    static String serverProperties(Path data, int port, int controllerPort) {
        return """
                # written by nl.lpz.localinfra.LocalKafka on every start; edit the class, not this file
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=%4$d
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=4
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(port, controllerPort, data, PARTITIONS);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: best effort
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path directory;

        private Builder() {
        }

        /** Client port; 0 (the default) for a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller port; 0 (the default): the client port + 1 when that was fixed, else a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** State kept across restarts; unset: a throwaway directory. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Formats the log directory if new, starts the broker and returns once it has started. */
        public LocalKafka start() throws IOException {
            boolean throwaway = directory == null;
            Path dir = throwaway ? Files.createTempDirectory("lpz-kafka-") : directory.toAbsolutePath();
            int clientPort = port > 0 ? port : freePort();
            int ctlPort = controllerPort > 0 ? controllerPort : (port > 0 ? port + 1 : freePort());
            Path data = dir.resolve("data");
            Files.createDirectories(data);
            Path config = dir.resolve("server.properties");
            String text = serverProperties(data, clientPort, ctlPort);
            Files.writeString(config, text);
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(dir, config);
            }
            Properties props = new Properties();
            props.load(new java.io.StringReader(text));
            return new LocalKafka(startServer(props), props, clientPort, dir, throwaway);
        }

        private static void format(Path dir, Path config) throws IOException {
            Path idFile = dir.resolve("cluster.id");
            if (!Files.exists(idFile)) {
                Files.writeString(idFile, Uuid.randomUuid() + "\n");
            }
            String clusterId = Files.readString(idFile).trim();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", clusterId, "-c", config.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IOException("formatting the Kafka log directory " + dir + " failed (exit " + rc + "): "
                        + out.toString(StandardCharsets.UTF_8));
            }
        }
    }
}
