package nl.lpz.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;

/**
 * Keeps a copy of the first {@value #LIMIT} bytes of a problem answer, so that the audit entry can say why a call was
 * refused (a stop refused by the last-in-region rule says so in its {@code detail}). A problem's body is joined before
 * it is written, so that the copy is complete when the answer commits, where its entry is recorded. Other answers
 * pass untouched and uncopied.
 */
final class ProblemCapture extends ServerHttpResponseDecorator {
    static final int LIMIT = 8192;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    ProblemCapture(ServerHttpResponse delegate) {
        super(delegate);
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!isProblem()) {
            return super.writeWith(body);
        }
        // one buffer (a problem is small): the response commits after reading it, so the copy is there before
        return super.writeWith(DataBufferUtils.join(body).doOnNext(this::keep));
    }

    boolean isProblem() {
        MediaType type = getHeaders().getContentType();
        return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
    }

    private synchronized void keep(DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
            while (views.hasNext() && copy.size() < LIMIT) {
                ByteBuffer view = views.next();
                byte[] bytes = new byte[Math.min(view.remaining(), LIMIT - copy.size())];
                view.get(bytes);
                copy.write(bytes, 0, bytes.length);
            }
        }
    }

    /** The problem's {@code code} and {@code detail}, when the answer was a readable problem. */
    synchronized AuditEntries.Outcome outcome(int status) {
        if (copy.size() == 0) {
            return new AuditEntries.Outcome(status, null, null);
        }
        try {
            JsonNode problem = JSON.readTree(copy.toByteArray());
            return new AuditEntries.Outcome(status, text(problem, "code"), text(problem, "detail"));
        } catch (IOException e) {
            return new AuditEntries.Outcome(status, null, null); // cut at the limit or not JSON: the status says enough
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
