package nl.lpz.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.lpz.localinfra.KafkaBrokerMain;
import nl.lpz.localinfra.process.ManagedProcess;
import nl.lpz.localinfra.process.ProcessSpec;
import nl.lpz.localinfra.process.Readiness;

/**
 * The test JVM's broker as an OS process of its own ({@link KafkaBrokerMain} on this JVM's class path, a throwaway
 * directory, free ports), so that a test can kill it with SIGKILL as a crash would, and start it again on the same
 * address from what it left on disk. {@link TestInfra} starts it instead of the in-JVM broker when the system property
 * {@value #PROPERTY} is true (the end-to-end suite).
 */
final class KafkaBrokerProcess {
    static final String PROPERTY = "lpz.test.kafka-process";
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final ManagedProcess process;
    private final Path directory;
    private final int port;

    private KafkaBrokerProcess(ManagedProcess process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts a broker and waits until it accepts connections; its log is {@code <log directory>/kafka.log}. */
    static KafkaBrokerProcess start(Path logDirectory) throws IOException {
        Path directory = Files.createTempDirectory("lpz-test-kafka-");
        int port = freePort();
        int controllerPort = freePort();
        String name = "test-kafka";
        // the class path in an argument file: the command line, which the log repeats at every start, stays short
        Path classPath = directory.resolve("classpath.args");
        Files.writeString(classPath, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ProcessSpec.COMPONENT + name, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "@" + classPath, KafkaBrokerMain.class.getName(),
                "--dir", directory.toString(), "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controllerPort));
        ProcessSpec spec = new ProcessSpec(name, command, Map.of(), directory, logDirectory.resolve("kafka.log"), -1,
                new Readiness.PortOpen(port), false);
        KafkaBrokerProcess broker = new KafkaBrokerProcess(new ManagedProcess(spec, directory.resolve("kafka.pid")),
                directory, port);
        broker.launch();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: no controlled shutdown, no flush; the broker recovers its logs when it starts again. */
    void kill9() {
        process.kill9();
    }

    /** SIGTERM: a controlled shutdown. */
    void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    /** Starts it again on the same ports and directory, unless it runs. */
    void restart() {
        if (!process.isAlive()) {
            launch();
        }
    }

    /** Stops it and removes its directory (the shutdown hook). */
    void close() {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    private void launch() {
        process.launch(ManagedProcess.LogStart.APPEND);
        process.awaitReady(READY_WITHIN);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
