package nl.lpz.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void givenOptions_whenParsing_thenValuesFlagsAndDefaults() {
        Args args = new Args(new String[] {"--rate", "150", "--no-raw", "--gateway=http://127.0.0.1:8080"});
        assertThat(args.getDouble("rate", 20)).isEqualTo(150);
        assertThat(args.flag("no-raw")).isTrue();
        assertThat(args.flag("only-raw")).isFalse();
        assertThat(args.get("gateway", "")).isEqualTo("http://127.0.0.1:8080");
        assertThat(args.getInt("duration", 30)).isEqualTo(30);
        assertThatThrownBy(() -> new Args(new String[] {"stray"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenATarget_whenItIsNotLoopback_thenTheToolsRefuseIt() {
        assertThat(Args.requireLoopback("http://127.0.0.1:8080")).isNotNull();
        assertThat(Args.requireLoopback("http://localhost:8080/")).isNotNull();
        assertThat(Args.requireLoopback("127.0.0.1:19092")).isNotNull();
        assertThat(Args.requireLoopback("jdbc:postgresql://127.0.0.1:5432")).isNotNull();
        assertThatThrownBy(() -> Args.requireLoopback("http://10.0.0.5:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Args.requireLoopback("kafka.example.org:9092")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Args.requireLoopback("jdbc:postgresql://db.example.org:5432"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
