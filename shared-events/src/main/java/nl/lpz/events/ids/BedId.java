package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A bed id; serialised as a bare JSON string. */
public record BedId(@JsonValue String value) {
    @JsonCreator
    public BedId {
        Ids.require(value, "bed id");
    }

    public static BedId of(String value) {
        return new BedId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
