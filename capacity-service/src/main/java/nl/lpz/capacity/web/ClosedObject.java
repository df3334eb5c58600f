package nl.lpz.capacity.web;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request object that may hold its own keys only (a patient passage, a birth-care refusal): Jackson reads request
 * bodies leniently, platform-wide, so such an object gathers every other key the sender put in it, whatever its name,
 * for the edge to refuse ({@link CapacityProblems#requireClosed}). A class, not a record, for that reason.
 */
abstract class ClosedObject {
    private final Map<String, Object> unexpected = new LinkedHashMap<>();

    @JsonAnySetter
    void unexpected(String key, Object value) {
        unexpected.put(key, value);
    }

    /** The keys sent that are none of the object's own. */
    Set<String> unexpectedKeys() {
        return unexpected.keySet();
    }
}
