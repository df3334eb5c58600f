package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A department id; serialised as a bare JSON string. */
public record DepartmentId(@JsonValue String value) {
    @JsonCreator
    public DepartmentId {
        Ids.require(value, "department id");
    }

    public static DepartmentId of(String value) {
        return new DepartmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
