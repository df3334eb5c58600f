package nl.lpz.reporting.pipeline;

import java.lang.reflect.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The columns of a batch's rows for one {@code unnest(?::text[], ...)} statement: a projection writes a whole poll
 * with one statement, one array parameter per column. Declaring each column once, with its SQL type and how it reads a
 * row, keeps the statement's parameter list ({@link #parameters()}) and the arrays bound to it ({@link #bind}) in
 * step. Instants and dates travel as ISO text and are cast by the statement.
 *
 * @param <R> the row type of the batch
 */
public final class UnnestColumns<R> {
    private record Column<R>(Class<?> javaType, String elementType, String cast, Function<? super R, ?> value) {
    }

    private final List<Column<R>> columns;

    private UnnestColumns(List<Column<R>> columns) {
        this.columns = List.copyOf(columns);
    }

    /** No columns yet; each method returns the columns with one more. */
    public static <R> UnnestColumns<R> of(Class<R> rowType) {
        return new UnnestColumns<>(List.of());
    }

    public UnnestColumns<R> text(Function<? super R, String> value) {
        return with(new Column<>(String.class, "text", "text", value));
    }

    public UnnestColumns<R> integer(Function<? super R, Integer> value) {
        return with(new Column<>(Integer.class, "int4", "int", value));
    }

    public UnnestColumns<R> bool(Function<? super R, Boolean> value) {
        return with(new Column<>(Boolean.class, "bool", "boolean", value));
    }

    public UnnestColumns<R> uuid(Function<? super R, UUID> value) {
        return with(new Column<>(UUID.class, "uuid", "uuid", value));
    }

    public UnnestColumns<R> timestamp(Function<? super R, Instant> value) {
        return with(new Column<>(String.class, "text", "timestamptz", r -> text(value.apply(r))));
    }

    public UnnestColumns<R> date(Function<? super R, LocalDate> value) {
        return with(new Column<>(String.class, "text", "date", r -> text(value.apply(r))));
    }

    /** The statement's array parameters in column order: {@code ?::text[], ?::int[], ...}. */
    public String parameters() {
        return columns.stream().map(c -> "?::" + c.cast() + "[]").collect(Collectors.joining(", "));
    }

    /**
     * Binds one array per column, holding the rows in order, to the statement's parameters from {@code first} on.
     *
     * @return the index of the next parameter
     */
    public int bind(Connection con, PreparedStatement ps, int first, List<? extends R> rows) throws SQLException {
        int p = first;
        for (Column<R> c : columns) {
            Object[] values = (Object[]) Array.newInstance(c.javaType(), rows.size());
            for (int i = 0; i < values.length; i++) {
                values[i] = c.value().apply(rows.get(i));
            }
            ps.setArray(p++, con.createArrayOf(c.elementType(), values));
        }
        return p;
    }

    /**
     * Runs {@code statement}, whose only parameters are these columns' arrays, for {@code rows}; the number of rows
     * it changed (for an insert skipping duplicates, the new ones).
     */
    public int update(JdbcTemplate jdbc, String statement, List<? extends R> rows) {
        Integer changed = jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(statement)) {
                bind(con, ps, 1, rows);
                return ps.executeUpdate();
            }
        });
        return changed == null ? 0 : changed;
    }

    private UnnestColumns<R> with(Column<R> column) {
        List<Column<R>> more = new ArrayList<>(columns);
        more.add(column);
        return new UnnestColumns<>(more);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
