package nl.lpz.localinfra.process;

/** When a started process counts as ready. */
public sealed interface Readiness {
    /** {@code GET /actuator/health} on the port answers 200 with status UP. */
    record Health(int port) implements Readiness {
    }

    /** Something accepts connections on the port (the broker). */
    record PortOpen(int port) implements Readiness {
    }

    /** The log, since this start, contains the text. */
    record LogLine(String text) implements Readiness {
    }

    /** Ready once started (the simulator). */
    record Started() implements Readiness {
    }

    static Readiness health(int port) {
        return new Health(port);
    }
}
