package nl.lpz.platform.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a transient failure of a consumer (the database or the broker cannot be reached, a lock or statement timed
 * out, a serialization conflict: the same record will succeed later, so retry it for as long as it takes) from a
 * deterministic one (the record itself cannot be applied: a value, a constraint, a conversion; it fails again every
 * time, so after a few attempts it is parked and the consumer goes on). Unknown failures count as deterministic: a
 * consumer that parks one record too many loses nothing (the event stays in the store and is replayed after the
 * fix), while one that retries a bad record forever stops the whole picture. A consumer parks only after it has
 * seen the database answer, so an outage that shows itself as an unknown error is not mistaken for bad data.
 */
public final class Failures {
    /**
     * SQLState classes and codes of PostgreSQL that a retry may cure: connection exceptions (08), insufficient
     * resources (53), operator intervention such as a shutdown (57P01..57P03, 57014 a cancelled statement), lock not
     * available (55P03), serialization failure and deadlock (40001, 40P01), and the system errors of class 58.
     */
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02",
            "57P03");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "58");
    /** Exception types of Spring and Kafka, by name so that this class needs neither on its classpath. */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "com.zaxxer.hikari.pool.HikariPool$PoolInitializationException");

    private Failures() {
    }

    /** Whether a retry of the same record may succeed: some cause in the chain is of a transient kind. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof SocketTimeoutException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_CODES.contains(state)
                        || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
            if (isA(t.getClass(), TRANSIENT_TYPES)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's type and first message line, for the parked record and the log. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 32) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        int nl = message.indexOf('\n');
        return root.getClass().getName() + ": " + (nl < 0 ? message : message.substring(0, nl));
    }

    private static boolean isA(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
