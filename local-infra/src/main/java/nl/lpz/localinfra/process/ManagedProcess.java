package nl.lpz.localinfra.process;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One OS process of the platform: started from a {@link ProcessSpec} with its output in a log file, waited for until
 * ready, stopped with TERM and, after a timeout, KILL. With a pid file it can be found again by a later JVM (./lpz
 * down, status; a test run after one that was killed): the file's pid counts only while that process still carries
 * the name's {@code -Dlpz.component} marker, which guards against a reused pid.
 */
public final class ManagedProcess {
    /** Log lines by which Spring Boot says that start-up failed: waiting on is pointless. */
    private static final List<String> START_FAILED = List.of("Application run failed", "APPLICATION FAILED TO START");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** What happens to the log of an earlier start. */
    public enum LogStart {
        /** Kept as {@code <log>.1}; this start writes a new log (./lpz). */
        ROTATE,
        /** This start appends after a marker line (tests: one log per instance across kills and restarts). */
        APPEND
    }

    private final ProcessSpec spec;
    private final String name;
    private final Path pidFile;
    private volatile ProcessHandle handle;
    private volatile long launchOffset;

    public ManagedProcess(ProcessSpec spec, Path pidFile) {
        this.spec = spec;
        this.name = spec.name();
        this.pidFile = pidFile;
    }

    /** A process known only by name and pid file, to be found and stopped ({@link #adopt()}, {@link #stop}). */
    public static ManagedProcess known(String name, Path pidFile, Path log) {
        return new ManagedProcess(new ProcessSpec(name, List.of(ProcessSpec.COMPONENT + name), java.util.Map.of(),
                pidFile.getParent(), log, -1, new Readiness.Started(), true), pidFile);
    }

    public ProcessSpec spec() {
        return spec;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return spec.log();
    }

    /** The pid of the current (or last) start, -1 before any. */
    public long pid() {
        ProcessHandle h = handle;
        return h == null ? -1 : h.pid();
    }

    public boolean isAlive() {
        ProcessHandle h = handle;
        return h != null && h.isAlive();
    }

    /** Takes over the process the pid file names, if it still runs as this name; answers whether it does. */
    public synchronized boolean adopt() {
        if (isAlive()) {
            return true;
        }
        Optional<ProcessHandle> found = fromPidFile(pidFile, name);
        found.ifPresent(h -> handle = h);
        return found.isPresent();
    }

    /** The live process started as {@code name} that the pid file names. */
    public static Optional<ProcessHandle> fromPidFile(Path pidFile, String name) {
        if (pidFile == null || !Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> carriesMarker(h, name));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean carriesMarker(ProcessHandle h, String name) {
        String marker = ProcessSpec.COMPONENT + name;
        Path cmdline = Path.of("/proc", String.valueOf(h.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return Arrays.asList(Files.readString(cmdline, StandardCharsets.UTF_8).split("\0")).contains(marker);
            }
        } catch (IOException e) {
            // gone meanwhile, or not ours to read
            return false;
        }
        return h.info().arguments().map(a -> Arrays.asList(a).contains(marker)).orElse(false);
    }

    /** Starts the process; fails if this instance already runs. */
    public synchronized void launch(LogStart logStart) {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
        }
        List<String> command = new ArrayList<>();
        if (spec.detached()) {
            // a session of its own: no SIGINT from a Ctrl-C, no SIGHUP from a closed terminal of the starting shell
            command.add(Files.isExecutable(Path.of("/usr/bin/setsid")) ? "/usr/bin/setsid" : "nohup");
        }
        command.addAll(spec.command());
        Path log = spec.log();
        try {
            Files.createDirectories(log.getParent());
            if (logStart == LogStart.ROTATE) {
                if (Files.exists(log)) {
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                }
                launchOffset = 0;
            } else {
                launchOffset = Files.exists(log) ? Files.size(log) : 0;
                Files.writeString(log, "\n===== lpz: starting " + name + " at " + Instant.now() + ": "
                        + String.join(" ", spec.command()) + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(spec.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(spec.environment());
            Files.createDirectories(spec.directory());
            handle = pb.start().toHandle();
            if (pidFile != null) {
                Files.createDirectories(pidFile.getParent());
                Files.writeString(pidFile, handle.pid() + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the process is ready ({@link ProcessSpec#readiness()}); fails early, with the log's tail, when it
     * exits or its log says start-up failed, and when the timeout passes.
     */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (true) {
            ProcessHandle h = handle;
            if (h == null || !h.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; log " + log() + " ends with:\n"
                        + tail(80));
            }
            if (startFailedInLog()) {
                throw new IllegalStateException(name + " failed to start (\"Application run failed\"); log " + log()
                        + " ends with:\n" + tail(80));
            }
            Optional<String> notYet = notReady();
            if (notYet.isEmpty()) {
                return;
            }
            last = notYet.get();
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s (" + last
                        + "); log " + log() + " ends with:\n" + tail(80));
            }
            sleep(500);
        }
    }

    /** Empty when ready, else why not. */
    private Optional<String> notReady() {
        Readiness r = spec.readiness();
        if (r instanceof Readiness.Health health) {
            return healthAnswer(health.port());
        }
        if (r instanceof Readiness.PortOpen open) {
            return portOpen(open.port()) ? Optional.empty() : Optional.of("port " + open.port() + " closed");
        }
        if (r instanceof Readiness.LogLine line) {
            return logSinceLaunch().contains(line.text()) ? Optional.empty()
                    : Optional.of("no \"" + line.text() + "\" in the log");
        }
        return Optional.empty();
    }

    /** Empty when {@code /actuator/health} on the port answers UP, else the answer. */
    public static Optional<String> healthAnswer(int port) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                return Optional.empty();
            }
            return Optional.of(r.statusCode() + " " + r.body());
        } catch (IOException e) {
            return Optional.of(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean startFailedInLog() {
        String text = logSinceLaunch();
        return START_FAILED.stream().anyMatch(text::contains);
    }

    private String logSinceLaunch() {
        try (RandomAccessFile f = new RandomAccessFile(log().toFile(), "r")) {
            long length = f.length();
            if (length <= launchOffset) {
                return "";
            }
            byte[] buf = new byte[(int) Math.min(length - launchOffset, 4 * 1024 * 1024)];
            f.seek(length - buf.length);
            f.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * TERM, then KILL when it has not exited within the timeout; removes the pid file. Answers false when it did not
     * run, else whether it exited on TERM.
     */
    public synchronized boolean stop(Duration timeout) {
        ProcessHandle h = handle;
        boolean graceful = false;
        if (h != null && h.isAlive()) {
            h.destroy();
            graceful = waitFor(h, timeout);
            if (!graceful) {
                h.destroyForcibly();
                waitFor(h, Duration.ofSeconds(10));
            }
        }
        deletePidFile();
        return graceful;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful close of anything. */
    public synchronized void kill9() {
        ProcessHandle h = handle;
        if (h == null) {
            return;
        }
        h.destroyForcibly();
        if (!waitFor(h, Duration.ofSeconds(30))) {
            throw new IllegalStateException(name + " (pid " + h.pid() + ") survived SIGKILL for 30 s");
        }
        if (spec.log() != null) {
            try {
                Files.writeString(log(), "\n===== lpz: killed " + name + " with SIGKILL at " + Instant.now() + "\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the marker is a convenience only
            }
        }
    }

    private void deletePidFile() {
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is harmless: its pid is checked against the marker
            }
        }
    }

    private static boolean waitFor(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        }
    }

    /** The last lines of the log. */
    public String tail(int lines) {
        try (RandomAccessFile f = new RandomAccessFile(log().toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] buf = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\n");
            int start = Math.max(0, all.length - lines);
            return String.join("\n", Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
