package nl.lpz.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule between a unit's numeric figures, written {@code a + b <= c} (sums of figure ids or whole numbers on either
 * side of one of {@code <=, <, >=, >, ==}). It is checked only when every figure it names is in the report, so that
 * an optional figure left out does not break it.
 */
public record Invariant(String text, List<String> left, String operator, List<String> right) {
    private static final List<String> OPERATORS = List.of("<=", ">=", "==", "<", ">");

    /** Parses {@code text}; figure ids must be numeric figures of {@code numericFigures}. */
    public static Invariant parse(String text, Set<String> numericFigures) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an invariant is empty");
        }
        for (String operator : OPERATORS) {
            int at = text.indexOf(operator);
            if (at > 0) {
                List<String> left = terms(text.substring(0, at), text, numericFigures);
                List<String> right = terms(text.substring(at + operator.length()), text, numericFigures);
                return new Invariant(text.trim(), left, operator, right);
            }
        }
        throw new IllegalArgumentException("invariant '" + text + "' has none of the operators " + OPERATORS);
    }

    private static List<String> terms(String side, String text, Set<String> numericFigures) {
        List<String> terms = new ArrayList<>();
        for (String raw : side.split("\\+")) {
            String term = raw.trim();
            if (!term.matches("[0-9]{1,9}") && !numericFigures.contains(term)) {
                throw new IllegalArgumentException("invariant '" + text + "' names '" + term
                        + "', which is neither a whole number nor a count or duration figure of the unit");
            }
            terms.add(term);
        }
        return List.copyOf(terms);
    }

    /** Whether the figures keep the rule; true when one of the named figures is absent. */
    public boolean holds(Map<String, Long> values) {
        Long left = sum(this.left, values);
        Long right = sum(this.right, values);
        if (left == null || right == null) {
            return true;
        }
        return switch (operator) {
            case "<=" -> left <= right;
            case ">=" -> left >= right;
            case "<" -> left < right;
            case ">" -> left > right;
            default -> left.equals(right);
        };
    }

    private static Long sum(List<String> terms, Map<String, Long> values) {
        long sum = 0;
        for (String term : terms) {
            if (Character.isDigit(term.charAt(0))) {
                sum += Long.parseLong(term);
            } else if (values.containsKey(term)) {
                sum += values.get(term);
            } else {
                return null;
            }
        }
        return sum;
    }
}
