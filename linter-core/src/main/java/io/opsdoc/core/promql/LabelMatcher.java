package io.opsdoc.core.promql;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code name op "value"} matcher inside the braces of a vector selector.
 *
 * @param name  label name ({@code __name__} for a metric name given inside the braces)
 * @param type  match operator
 * @param value unquoted value (a regular expression for the regex operators)
 */
public record LabelMatcher(String name, MatchType type, String value) {

    /** The label name Prometheus uses for the metric name. */
    public static final String METRIC_NAME_LABEL = "__name__";

    public enum MatchType {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        MatchType(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static MatchType fromSymbol(String symbol) {
            for (MatchType t : values()) {
                if (t.symbol.equals(symbol)) {
                    return t;
                }
            }
            return null;
        }
    }

    /**
     * Whether this matcher accepts a series that lacks the label (i.e. matches the empty string).
     * Prometheus rejects selectors made only of such matchers because they would select everything.
     * Regexes are anchored like in Prometheus; a regex Java cannot compile (RE2-only syntax) is
     * conservatively treated as not matching the empty string so that no false error is raised.
     */
    public boolean matchesEmpty() {
        return switch (type) {
            case EQUAL -> value.isEmpty();
            case NOT_EQUAL -> !value.isEmpty();
            case REGEX -> regexMatchesEmpty(value).orElse(false);
            case NOT_REGEX -> regexMatchesEmpty(value).map(m -> !m).orElse(false);
        };
    }

    private static java.util.Optional<Boolean> regexMatchesEmpty(String regex) {
        try {
            // (?s): Prometheus compiles label regexes so that '.' also matches newlines.
            return java.util.Optional.of(Pattern.compile("(?s:" + regex + ")").matcher("").matches());
        } catch (PatternSyntaxException | StackOverflowError e) {
            return java.util.Optional.empty();
        }
    }
}
