package nl.lpz.e2e;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.lpz.localinfra.process.ManagedProcess;
import nl.lpz.localinfra.process.PlatformProcesses;
import nl.lpz.localinfra.process.ProcessSpec;

/**
 * One packaged service jar as a separate OS process of this test JVM, started the way ./lpz starts it
 * ({@link PlatformProcesses#service}, {@link ManagedProcess}) with the tests' JVM options, its output appended to one
 * log across restarts. It can be killed with SIGKILL and started again on the same port with the same arguments.
 */
final class ServiceProcess {
    /** Generous: two cores start two instances of each backend and the gateway at once. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(
            Long.getLong("lpz.e2e.startup-timeout-seconds", 240));
    /** One GC thread, no concurrent marking, C1 only: seven or more of these JVMs share two cores. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final ManagedProcess process;

    ServiceProcess(ProcessSpec spec, Path pidFile) {
        this.process = new ManagedProcess(spec, pidFile);
    }

    /** A service jar with the given arguments (a gateway of a test's own, e.g.), no broker or database added. */
    ServiceProcess(String name, Path jar, int port, List<String> arguments, Path log) {
        ProcessSpec spec = new PlatformProcesses().jvmOptions(JVM_OPTIONS)
                .logsAndDirectory(log.getParent(), jar.getParent())
                .service(name, jar, port, Map.of(), arguments);
        this.process = new ManagedProcess(new ProcessSpec(spec.name(), spec.command(), spec.environment(),
                spec.directory(), log, spec.port(), spec.readiness(), false), null);
    }

    String name() {
        return process.name();
    }

    int port() {
        return process.spec().port();
    }

    String baseUrl() {
        return process.spec().baseUrl();
    }

    Path log() {
        return process.log();
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void launch() {
        process.launch(ManagedProcess.LogStart.APPEND);
    }

    /** Waits for {@code /actuator/health} to answer UP; fails with the log's tail when it does not in time. */
    void awaitHealthy(HttpClient http) {
        process.awaitReady(STARTUP_TIMEOUT);
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of anything. */
    void kill9() {
        process.kill9();
    }

    /** SIGTERM, then SIGKILL when it does not exit in time. */
    void stop() {
        process.stop(STOP_TIMEOUT);
    }

    String tail(int lines) {
        return process.tail(lines);
    }
}
