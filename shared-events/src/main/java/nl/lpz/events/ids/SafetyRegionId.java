package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A safety region id; serialised as a bare JSON string. */
public record SafetyRegionId(@JsonValue String value) {
    @JsonCreator
    public SafetyRegionId {
        Ids.require(value, "safety region id");
    }

    public static SafetyRegionId of(String value) {
        return new SafetyRegionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
