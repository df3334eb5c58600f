package nl.lpz.events.ids;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A organisation id; serialised as a bare JSON string. */
public record OrganisationId(@JsonValue String value) {
    @JsonCreator
    public OrganisationId {
        Ids.require(value, "organisation id");
    }

    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
