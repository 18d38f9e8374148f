package io.opsdoc.core.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Percentages as written in prose and tables: {@code 99.9%}, {@code 99.95 %}, {@code 99.9 percent}. */
public final class Percentages {
    private static final Pattern PERCENT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent(?![\\p{L}]))", Pattern.CASE_INSENSITIVE);

    private Percentages() {
    }

    /**
     * A percentage found in text.
     *
     * @param value the number before the percent sign (99.9 for "99.9%")
     * @param written the number as written ("99.95")
     */
    public record Found(double value, String written, int start, int end) {
        /** The fraction that is allowed to fail: 0.001 for 99.9%. Exact in decimal, then converted. */
        public double budget() {
            return BigDecimal.ONE.subtract(new BigDecimal(written).movePointLeft(2)).doubleValue();
        }

        public double fraction() {
            return new BigDecimal(written).movePointLeft(2).doubleValue();
        }
    }

    public static List<Found> find(String text) {
        List<Found> result = new ArrayList<>();
        // A percentage needs a digit; most sentences have none and need no matcher.
        if (!Durations.hasDigit(text)) {
            return result;
        }
        Matcher m = PERCENT.matcher(text);
        while (m.find()) {
            result.add(new Found(Double.parseDouble(m.group(1)), m.group(1), m.start(), m.end()));
        }
        return result;
    }

    /** Percentages that can be availability targets: at least 90 and below 100. */
    public static List<Found> targets(String text) {
        return find(text).stream().filter(p -> p.value() >= 90 && p.value() < 100).toList();
    }
}
