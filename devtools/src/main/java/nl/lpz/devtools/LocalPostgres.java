package nl.lpz.devtools;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import nl.lpz.localinfra.process.PlatformProcesses;

/**
 * ./lpz's PostgreSQL on machines without one installed: local-infra's {@link nl.lpz.localinfra.LocalPostgres} with
 * its data in {@code --data} (default {@code .lpz/pgdata}), kept across restarts, on port {@code --port} (15432).
 * Creates role {@code lpz}/{@code lpz} and the platform's databases if missing, prints
 * {@code LocalPostgres: ready <url>} and runs until SIGTERM.
 */
public final class LocalPostgres {
    private LocalPostgres() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path data = Path.of(args.get("data", ".lpz/pgdata")).toAbsolutePath();
        Path work = Path.of(args.get("work", data.getParent().resolve("embedded-pg").toString())).toAbsolutePath();
        int port = args.getInt("port", 15432);

        nl.lpz.localinfra.LocalPostgres pg = nl.lpz.localinfra.LocalPostgres.builder()
                .dataDirectory(data).workDirectory(work).port(port).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("LocalPostgres: stopping");
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("LocalPostgres: stop failed: " + e);
            }
            stopped.countDown();
        }, "stop-postgres"));

        pg.ensureRoleAndDatabases(PlatformProcesses.Service.databases());
        System.out.println("LocalPostgres: " + (pg.initialised() ? "initialised and started" : "started")
                + " PostgreSQL on 127.0.0.1:" + port + ", data in " + data + "; role lpz/lpz, databases "
                + PlatformProcesses.Service.databases());
        System.out.println("LocalPostgres: ready jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        stopped.await();
    }
}
