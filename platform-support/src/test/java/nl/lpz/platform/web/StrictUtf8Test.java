package nl.lpz.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Sint Maartenskliniek\"}", "Zoë, Ærø, 日本", "😀 emoji", "", "tab\tand\nline"})
    void givenWellFormedUtf8_whenChecked_thenItPasses(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StrictUtf8 check = new StrictUtf8();
        assertThatCode(() -> {
            check.accept(bytes, 0, bytes.length);
            check.end();
        }).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "C0AF",       // overlong '/'
            "E080AF",     // overlong '/' in three bytes
            "F08080AF",   // overlong '/' in four bytes
            "EDA080",     // the UTF-16 surrogate U+D800
            "F4908080",   // above U+10FFFF
            "80",         // a continuation byte without a start
            "C3",         // cut off at the end
            "C328",       // a start byte followed by ASCII
            "FF", "FE", "F8888080"})
    void givenBytesThatAreNoUtf8_whenChecked_thenTheyAreRefused(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        StrictUtf8 check = new StrictUtf8();
        assertThatThrownBy(() -> {
            check.accept(bytes, 0, bytes.length);
            check.end();
        }).isInstanceOf(StrictUtf8.Malformed.class);
    }
}
