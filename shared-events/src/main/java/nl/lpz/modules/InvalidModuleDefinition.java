package nl.lpz.modules;

/** A module definition that does not parse or breaks the catalogue's rules; the service refuses to start with it. */
public final class InvalidModuleDefinition extends RuntimeException {
    public static final String CODE = "INVALID_MODULE_DEFINITION";

    public InvalidModuleDefinition(String source, String detail) {
        super("module definition " + source + ": " + detail);
    }

    public InvalidModuleDefinition(String source, String detail, Throwable cause) {
        super("module definition " + source + ": " + detail, cause);
    }
}
