package nl.lpz.devtools;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL server (zonky embedded binaries from Maven Central) for machines without one installed. Data in
 * {@code --data} (default {@code .lpz/pgdata}), kept across restarts; port {@code --port} (15432). Creates role
 * {@code lpz}/{@code lpz} (LOGIN CREATEDB) and the platform's databases if missing, then runs until SIGTERM.
 */
public final class LocalPostgres {
    static final List<String> DATABASES = List.of("lpz_capacity", "lpz_reporting", "lpz_stop");

    private LocalPostgres() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path data = Path.of(args.get("data", ".lpz/pgdata")).toAbsolutePath();
        Path work = Path.of(args.get("work", data.getParent().resolve("embedded-pg").toString())).toAbsolutePath();
        int port = args.getInt("port", 15432);
        Files.createDirectories(data);
        Files.createDirectories(work);
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
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

        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"))) {
            ensureRoleAndDatabases(c);
        }
        System.out.println("LocalPostgres: " + (fresh ? "initialised and started" : "started") + " PostgreSQL on "
                + "127.0.0.1:" + port + ", data in " + data + "; role lpz/lpz, databases " + DATABASES);
        System.out.println("LocalPostgres: ready jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        stopped.await();
    }

    /** Idempotent: role {@code lpz} (LOGIN CREATEDB, password lpz) and the databases it owns. */
    static void ensureRoleAndDatabases(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", "lpz")) {
                st.execute("CREATE ROLE lpz LOGIN CREATEDB PASSWORD 'lpz'");
            }
            for (String db : DATABASES) {
                if (!exists(admin, "select 1 from pg_database where datname = ?", db)) {
                    st.execute("CREATE DATABASE " + db + " OWNER lpz");
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
