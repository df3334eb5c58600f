package nl.lpz.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A Server-Sent Events connection through the gateway, parsed into events on a background thread. */
final class SseClient implements AutoCloseable {
    record Event(String id, String name, String data) {
    }

    final int status;
    final String contentType;
    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.List<Event> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(Api.Identity as, String path, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + as.token())
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(Api.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next event, or null when none arrives in time. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every event received so far. */
    java.util.List<Event> received() {
        return java.util.List.copyOf(received);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        Event event = new Event(id, name == null ? "message" : name, data.toString());
                        received.add(event);
                        events.add(event);
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields are ignored
                    }
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
