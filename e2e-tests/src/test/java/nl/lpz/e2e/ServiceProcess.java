package nl.lpz.e2e;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service jar running as a separate OS process on a fixed port, its output appended to a log file.
 * It can be killed with SIGKILL and started again on the same port with the same arguments.
 */
final class ServiceProcess {
    /** Generous: two cores start two instances of each backend and the gateway at once. */
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(
            Long.getLong("lpz.e2e.startup-timeout-seconds", 240));

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> arguments;
    private final Path log;
    private volatile Process process;
    private volatile long launchOffset;

    ServiceProcess(String name, Path jar, int port, List<String> arguments, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    synchronized void launch() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        // one GC thread and no concurrent marking: seven or more of these JVMs share two cores
        command.add("-XX:+UseSerialGC");
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-Ddisable-axoniq-console-message=true");
        command.add("-jar");
        command.add(jar.toString());
        if (arguments.stream().noneMatch(a -> a.startsWith("--spring.profiles.active="))) {
            command.add("--spring.profiles.active=local");
        }
        command.add("--server.port=" + port);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            launchOffset = Files.exists(log) ? Files.size(log) : 0;
            Files.writeString(log, "\n===== e2e: starting " + name + " at " + Instant.now() + ": "
                            + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits for {@code /actuator/health} to answer UP; fails with the log's tail when it does not in time. */
    void awaitHealthy(HttpClient http) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up"
                        + (p == null ? "" : " with status " + p.exitValue()) + "; log " + log + " ends with:\n" + tail(80));
            }
            if (startupFailedInLog()) {
                throw new IllegalStateException(name + " failed to start (\"Application run failed\"); log " + log
                        + " ends with:\n" + tail(80));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not healthy within " + STARTUP_TIMEOUT.toSeconds() + " s (last answer: "
                + last + "); log " + log + " ends with:\n" + tail(80));
    }

    private boolean startupFailedInLog() {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            if (length <= launchOffset) {
                return false;
            }
            byte[] buf = new byte[(int) Math.min(length - launchOffset, 4 * 1024 * 1024)];
            f.seek(length - buf.length);
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            return text.contains("Application run failed") || text.contains("APPLICATION FAILED TO START");
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of anything. */
    synchronized void kill9() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        append("\n===== e2e: killed " + name + " with SIGKILL at " + Instant.now() + "\n");
    }

    /** SIGTERM, then SIGKILL when it does not exit in time. */
    synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    String tail(int lines) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] buf = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\n");
            int start = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void append(String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the marker is a convenience only
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
