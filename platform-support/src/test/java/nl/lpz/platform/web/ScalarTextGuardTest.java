package nl.lpz.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

class ScalarTextGuardTest {
    enum Kind { SEH, SR }

    record Body(Kind kind, Instant at, LocalDate day, Integer beds, String note) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().addModule(ScalarTextGuard.module()).build();

    @Test
    void givenScalarsWithoutControlCharacters_whenRead_thenTheyAreReadAsBefore() {
        Body body = JSON.readValue("{\"kind\":\"SEH\",\"at\":\"2026-12-07T02:00:00Z\",\"day\":\"2026-12-07\","
                + "\"beds\":\"12\",\"note\":\"tab\\there\"}", Body.class);

        assertThat(body).isEqualTo(new Body(Kind.SEH, Instant.parse("2026-12-07T02:00:00Z"),
                LocalDate.parse("2026-12-07"), 12, "tab\there"));
    }

    @Test
    void givenAControlCharacterInAnEnumInstantDateOrNumber_whenRead_thenItIsRefusedNotTrimmedAway() {
        for (String json : new String[] {"{\"kind\":\"SEH\\u0000\"}", "{\"at\":\"\\u0000\"}",
                "{\"day\":\"2026-12-07\\u0001\"}", "{\"beds\":\"12\\u0000\"}"}) {
            assertThatThrownBy(() -> JSON.readValue(json, Body.class)).as(json)
                    .isInstanceOf(InvalidFormatException.class).hasMessageContaining("control character");
        }
    }
}
