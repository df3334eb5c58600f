package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A location id; serialised as a bare JSON string. */
public record LocationId(@JsonValue String value) {
    @JsonCreator
    public LocationId {
        Ids.require(value, "location id");
    }

    public static LocationId of(String value) {
        return new LocationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
