package nl.lpz.modules;

/** A name in Dutch (what the users read) and English (for documentation and foreign readers). */
public record LocalizedName(String nl, String en) {
}
