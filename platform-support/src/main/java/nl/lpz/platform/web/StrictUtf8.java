package nl.lpz.platform.web;

import java.io.IOException;

/**
 * Checks a byte stream as UTF-8 the way RFC 3629 defines it, one byte at a time: no overlong forms ({@code C0 AF}
 * would be read as {@code /} by a lenient decoder), no UTF-16 surrogates ({@code ED A0 80}), nothing above U+10FFFF,
 * no continuation byte out of place and no sequence cut off at the end. A JSON body (RFC 8259) must be UTF-8; one
 * that is not is refused before it is parsed, since a lenient parser would read it as some other text (issue 14,
 * hostile input).
 */
final class StrictUtf8 {
    /** Bytes still expected of the current sequence. */
    private int pending;
    /** The bounds of the next continuation byte (they are narrower after E0, ED, F0 and F4). */
    private int low = 0x80;
    private int high = 0xBF;

    /** Thrown on the first byte that makes the stream no UTF-8; the body is then a malformed request. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    void accept(int b) throws Malformed {
        if (pending == 0) {
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                start(1, 0x80, 0xBF);
            } else if (b == 0xE0) {
                start(2, 0xA0, 0xBF);
            } else if (b == 0xED) {
                start(2, 0x80, 0x9F);
            } else if (b >= 0xE1 && b <= 0xEF) {
                start(2, 0x80, 0xBF);
            } else if (b == 0xF0) {
                start(3, 0x90, 0xBF);
            } else if (b >= 0xF1 && b <= 0xF3) {
                start(3, 0x80, 0xBF);
            } else if (b == 0xF4) {
                start(3, 0x80, 0x8F);
            } else {
                throw new Malformed(String.format("the body is not UTF-8 (byte %02X)", b));
            }
            return;
        }
        if (b < low || b > high) {
            throw new Malformed(String.format("the body is not UTF-8 (byte %02X inside a sequence)", b));
        }
        pending--;
        low = 0x80;
        high = 0xBF;
    }

    void accept(byte[] bytes, int offset, int length) throws Malformed {
        for (int i = offset; i < offset + length; i++) {
            accept(bytes[i] & 0xFF);
        }
    }

    /** At the end of the stream: a sequence must not be cut off. */
    void end() throws Malformed {
        if (pending > 0) {
            throw new Malformed("the body is not UTF-8 (it ends inside a sequence)");
        }
    }

    private void start(int continuation, int first, int last) {
        pending = continuation;
        low = first;
        high = last;
    }
}
