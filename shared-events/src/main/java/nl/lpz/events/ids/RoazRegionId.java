package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A ROAZ region id; serialised as a bare JSON string. */
public record RoazRegionId(@JsonValue String value) {
    @JsonCreator
    public RoazRegionId {
        Ids.require(value, "ROAZ region id");
    }

    public static RoazRegionId of(String value) {
        return new RoazRegionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
