package nl.lpz.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.lpz.testsupport.TestInfra;

/** Reads a service's own database (its {@link TestInfra} database by service name), as the operator would. */
final class ServiceDatabases {
    private ServiceDatabases() {
    }

    /** The rows of one statement; a {@code String[]} parameter is bound as a text array. */
    static List<Map<String, Object>> query(String service, String sql, Object... params) {
        TestInfra.Database db = TestInfra.database(service);
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password());
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    st.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    st.setObject(i + 1, params[i]);
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(service + " database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
