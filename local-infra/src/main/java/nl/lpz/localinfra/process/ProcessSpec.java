package nl.lpz.localinfra.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one process of the platform is started: its name (also its {@code -Dlpz.component} marker, by which a later
 * run recognises it), command line, environment, working directory, log file and what "ready" means.
 * {@code port} is the HTTP port of a service, -1 for none. A detached process is started in a session of its own, so
 * that it outlives the starting JVM and a Ctrl-C or closed terminal there (./lpz); otherwise it is a plain child
 * (tests).
 */
public record ProcessSpec(String name, List<String> command, Map<String, String> environment, Path directory,
                          Path log, int port, Readiness readiness, boolean detached) {
    public static final String COMPONENT = "-Dlpz.component=";

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (!command.contains(COMPONENT + name)) {
            throw new IllegalArgumentException(name + ": the command must carry " + COMPONENT + name);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
