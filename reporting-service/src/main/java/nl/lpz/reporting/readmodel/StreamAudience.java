package nl.lpz.reporting.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import nl.lpz.events.EventJson;
import nl.lpz.platform.web.Caller;

/**
 * Who of a region's stream subscribers is told a change of one kind ({@code region_change.kind}), decided by the read
 * model that writes that kind (a module's reader rules for {@code module}). The stream knows no read model: it asks
 * every audience bean for its subscriber's teller. A kind without an audience is told to every subscriber of the
 * region (capacity and stops: the region's own readers), within the organisation restriction of the row.
 */
public interface StreamAudience {
    /** The change kind this audience decides. */
    String kind();

    /**
     * What the tellers decide by, read from a change's payload (JSON) once per change, however many subscribers the
     * region has; null when this version cannot read the payload.
     */
    Object subject(String payload);

    /** The subscriber's test, made once per subscription. */
    Teller forCaller(Caller caller, String roazRegionId);

    /**
     * A text field of a change's payload (JSON) as its subject; null when the payload cannot be read or has no such
     * field (a row this version cannot read is then told to nobody rather than to everybody).
     */
    static String textField(String payload, String field) {
        try {
            return EventJson.mapper().readTree(payload).path(field).asText(null);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a change of the kind is told to the subscriber, by the change's subject and organisation. */
    @FunctionalInterface
    interface Teller {
        boolean tells(Object subject, String organisationId);
    }
}
