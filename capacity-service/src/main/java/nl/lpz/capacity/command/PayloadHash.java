package nl.lpz.capacity.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of a report's canonical form, which its receipt keeps to tell a resend from a reused id: the kind of
 * report, then every value length-prefixed ({@code ~} for null), so that no choice of text can make two different
 * reports hash alike by shifting a separator. The kind keeps a bed event and a module report with the same id apart.
 */
final class PayloadHash {
    private PayloadHash() {
    }

    static String of(String kind, Object... values) {
        StringBuilder canonical = new StringBuilder(kind);
        for (Object value : values) {
            String text = value == null ? null : value.toString();
            canonical.append('|').append(text == null ? "~" : text.length() + ":" + text);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
