package nl.lpz.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A real PostgreSQL server from zonky's binaries on Maven Central, for machines without one installed. With a data
 * directory the cluster is kept across restarts (./lpz: {@code .lpz/pgdata}); without one it lives in a temporary
 * directory removed on {@link #close()} (tests). The superuser is {@code postgres} (trust, loopback only).
 */
public final class LocalPostgres implements AutoCloseable {
    /** The login role of the platform's services and tests: it owns their databases and may create more. */
    public static final String ROLE = "lpz";
    public static final String ROLE_PASSWORD = "lpz";

    private final EmbeddedPostgres server;
    private final boolean initialised;

    private LocalPostgres(EmbeddedPostgres server, boolean initialised) {
        this.server = server;
        this.initialised = initialised;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.getPort();
    }

    /** JDBC URL of database {@code postgres} as the superuser (user in the URL; no password needed). */
    public String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres?user=postgres";
    }

    public String adminUser() {
        return "postgres";
    }

    /** Whether this start created the cluster (a kept data directory started before answers false). */
    public boolean initialised() {
        return initialised;
    }

    /** Idempotent: role {@link #ROLE} (LOGIN CREATEDB, password {@link #ROLE_PASSWORD}) and the databases it owns. */
    public void ensureRoleAndDatabases(List<String> databases) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl());
             Statement st = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", ROLE)) {
                st.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD '" + ROLE_PASSWORD + "'");
            }
            for (String db : databases) {
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + db);
                }
                if (!exists(admin, "select 1 from pg_database where datname = ?", db)) {
                    st.execute("CREATE DATABASE " + db + " OWNER " + ROLE);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public static final class Builder {
        private int port;
        private Path dataDirectory;
        private Path workDirectory;
        private int maxConnections = 200;

        private Builder() {
        }

        /** Fixed port; 0 (the default) for any free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Cluster directory kept across restarts; unset: a throwaway one. */
        public Builder dataDirectory(Path dir) {
            this.dataDirectory = dir;
            return this;
        }

        /** Where the binaries are unpacked; unset: zonky's default under the temporary directory. */
        public Builder workDirectory(Path dir) {
            this.workDirectory = dir;
            return this;
        }

        /** Several service instances with their pools, or a test JVM's six backend processes, need more than 100. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public LocalPostgres start() throws IOException {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", String.valueOf(maxConnections))
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                b.setPort(port);
            }
            boolean initialised = true;
            if (dataDirectory != null) {
                Path data = dataDirectory.toAbsolutePath();
                Files.createDirectories(data);
                initialised = !Files.exists(data.resolve("PG_VERSION"));
                // the owner stops it (./lpz: on SIGTERM, in order); zonky's hook would race that
                b.setDataDirectory(data).setCleanDataDirectory(false).setRegisterShutdownHook(false);
            }
            if (workDirectory != null) {
                Files.createDirectories(workDirectory);
                b.setOverrideWorkingDirectory(workDirectory.toAbsolutePath().toFile());
            }
            return new LocalPostgres(b.start(), initialised);
        }
    }
}
