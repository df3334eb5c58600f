package nl.lpz.gateway.audit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.lpz.contract.Role;
import nl.lpz.events.audit.AuditEntryRecorded;
import nl.lpz.gateway.security.Caller;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Builds the audit entry of one call from what the gateway knows of it. Texts are bounded and stripped of control
 * characters: an entry must always be storable, whatever a client put in its path or headers.
 */
final class AuditEntries {
    static final int MAX_PATH = 2048;
    static final int MAX_QUERY = 1024;
    static final int MAX_ADDRESS = 256;
    static final int MAX_DETAIL = 2000;
    static final int MAX_ID = 200;

    private AuditEntries() {
    }

    /** What the answer said: status and, for a problem, its code and detail. */
    record Outcome(int status, String problemCode, String problemDetail) {
    }

    static AuditEntryRecorded entry(ServerHttpRequest request, Caller caller, Instant arrived, Duration took,
                                    Outcome outcome, String instance) {
        return new AuditEntryRecorded(UUID.randomUUID().toString(), arrived, Math.max(0, took.toMillis()),
                caller == null ? null : clean(caller.subject(), MAX_ID),
                caller == null ? List.of() : caller.roles().stream().map(Role::name).sorted().toList(),
                caller == null ? null : clean(caller.organisation(), MAX_ID),
                caller == null ? null : clean(caller.region(), MAX_ID),
                clientAddress(request), request.getMethod().name(),
                clean(request.getURI().getRawPath(), MAX_PATH), clean(request.getURI().getRawQuery(), MAX_QUERY),
                outcome.status(), clean(outcome.problemCode(), MAX_ID), clean(outcome.problemDetail(), MAX_DETAIL),
                instance);
    }

    /**
     * The gateway's peer, and the {@code X-Forwarded-For} it was given (by a load balancer in front; a client can
     * write anything there, so it is kept as told, beside the peer, never instead of it).
     */
    static String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null ? "unknown"
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        String address = forwarded == null || forwarded.isBlank() ? peer : peer + "; forwarded " + forwarded.trim();
        return clean(address, MAX_ADDRESS);
    }

    /** Null stays null; control characters become U+FFFD; over {@code max} characters is cut with an ellipsis. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogateAt(text, i)
                    ? '\uFFFD' : c);
        }
        if (text.length() > max) {
            out.setLength(max - 1);
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            out.append('…');
        }
        return out.toString();
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
