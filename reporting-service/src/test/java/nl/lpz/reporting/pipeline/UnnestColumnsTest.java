package nl.lpz.reporting.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnnestColumnsTest {
    private record Row(String id, int n, boolean flag, UUID key, Instant at, LocalDate day) {
    }

    @Test
    void givenColumnsOfEachType_whenAskedForTheParameters_thenOneCastArrayPerColumnInOrder() {
        UnnestColumns<Row> columns = UnnestColumns.of(Row.class).text(Row::id).integer(Row::n).bool(Row::flag)
                .uuid(Row::key).timestamp(Row::at).date(Row::day);

        assertThat(columns.parameters())
                .isEqualTo("?::text[], ?::int[], ?::boolean[], ?::uuid[], ?::timestamptz[], ?::date[]");
    }

    @Test
    void givenAColumnAdded_whenTheFirstIsUsedAgain_thenItIsUnchanged() {
        UnnestColumns<Row> one = UnnestColumns.of(Row.class).text(Row::id);
        one.integer(Row::n);

        assertThat(one.parameters()).isEqualTo("?::text[]");
    }
}
