package nl.lpz.modules;

/**
 * Who may read a module's figures (seed 002 §6–8): callers with {@code role} see {@code scope} (their own
 * organisation, their ROAZ region, or the country) at {@code detail} (per provider, or only regional totals).
 */
public record ReaderRule(String role, Scope scope, Detail detail) {
    public enum Scope { OWN, REGION, NATIONAL }

    public enum Detail { PROVIDER, AGGREGATE }
}
