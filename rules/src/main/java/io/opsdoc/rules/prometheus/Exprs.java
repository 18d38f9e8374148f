package io.opsdoc.rules.prometheus;

import io.opsdoc.core.promql.PromDuration;
import io.opsdoc.core.promql.PromQlError;
import io.opsdoc.core.promql.PromQlParser;
import io.opsdoc.core.promql.PromQlResult;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PromQL expressions of rules: what to parse, and which parse errors are bad range durations. */
final class Exprs {
    /** LogQL pipeline stages: Loki ruler files share the rule format but their expr is not PromQL. */
    private static final Pattern LOGQL = Pattern.compile("\\|[=~]|\\|\\s*(json|logfmt|pattern|regexp|unpack|line_format|label_format|unwrap|drop|keep|decolorize)\\b|}\\s*!=\\s*\"");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)\\s*([A-Za-z]+)");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s,]*(?:and\\s+)?");

    private Exprs() {
    }

    /** A range or subquery duration that does not parse, as an index range into the expression. */
    record BadRange(int start, int end, String text) {
    }

    /** True for expressions we must not judge as PromQL: templated (Helm, Grafana) or LogQL. */
    static boolean notPromQl(String expr) {
        return expr.contains("{{") || expr.contains("${") || expr.contains("$__") || expr.contains("[[")
                || LOGQL.matcher(expr).find();
    }

    static PromQlResult parse(String expr) {
        return PromQlParser.parse(expr);
    }

    /**
     * The bracketed duration that the parse error sits in, when the error is about that duration
     * ({@code [5 minutes]}, {@code [1h30]}, {@code [5m:1 m]}) and not about the brackets themselves.
     */
    static Optional<BadRange> badRange(String expr, PromQlError error) {
        int offset = Math.min(error.offset(), expr.length());
        int open = expr.lastIndexOf('[', offset);
        if (open < 0 || expr.indexOf(']', open) < 0 || expr.substring(open, offset).contains("]")) {
            return Optional.empty();
        }
        int close = expr.indexOf(']', open);
        if (close < offset) {
            return Optional.empty();
        }
        int partStart = open + 1;
        int colon = expr.indexOf(':', open);
        int partEnd = close;
        if (colon >= 0 && colon < close) {
            if (offset > colon) {
                partStart = colon + 1;
            } else {
                partEnd = colon;
            }
        }
        String part = expr.substring(partStart, partEnd);
        if (part.isBlank() || !part.matches("[A-Za-z0-9 .,]+")) {
            return Optional.empty();
        }
        String trimmed = part.strip();
        if (PromDuration.parse(trimmed).isPresent() || trimmed.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        int lead = part.indexOf(trimmed);
        return Optional.of(new BadRange(partStart + lead, partStart + lead + trimmed.length(), trimmed));
    }

    /** A corrected duration for spelled-out values ({@code 5 minutes} to {@code 5m}), if obvious. */
    static Optional<String> suggestion(String text) {
        String t = text.strip();
        if (t.matches("\\d+")) {
            return Optional.empty();
        }
        Map<String, String> units = Tables.durationUnits();
        StringBuilder out = new StringBuilder();
        Matcher m = DURATION_PART.matcher(t);
        int pos = 0;
        while (pos < t.length()) {
            Matcher sep = SEPARATOR.matcher(t).region(pos, t.length());
            if (out.length() > 0 && sep.lookingAt()) {
                pos = sep.end();
            }
            m.region(pos, t.length());
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            String word = m.group(2);
            // A single capital letter (5M, 1H) is ambiguous (months?); only spelled-out words are mapped.
            String unit = word.length() == 1 && Character.isUpperCase(word.charAt(0)) ? null
                    : units.get(word.toLowerCase(Locale.ROOT));
            if (unit == null) {
                return Optional.empty();
            }
            out.append(m.group(1)).append(unit);
            pos = m.end();
        }
        String candidate = out.toString();
        return !candidate.isEmpty() && PromDuration.parse(candidate).isPresent() && !candidate.equals(t)
                ? Optional.of(candidate) : Optional.empty();
    }

    /** "'5 minutes' is not a Prometheus duration; write 5m ..." */
    static String durationMessage(String where, String text) {
        return InvalidDurationRule.INVALID.format(where, text, durationFix(text));
    }

    /** How to correct a duration Prometheus cannot parse. */
    static String durationFix(String text) {
        return suggestion(text).map(s -> "write " + s)
                .orElse(text.strip().matches("\\d+") ? "add a unit, e.g. " + text.strip() + "s"
                        : "write a number with a unit such as 30s, 5m or 1h30m");
    }
}
