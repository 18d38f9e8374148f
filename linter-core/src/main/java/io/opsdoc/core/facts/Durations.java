package io.opsdoc.core.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in planning documents ({@code 43.2 minutes}, {@code 4h 23m},
 * {@code 90s}, {@code 1.5 min}, {@code 2-3 min}, {@code 1m30s}) and as Go/Kubernetes tools take
 * them ({@code 15m}, {@code 10m0s}, {@code 1h30m}).
 */
public final class Durations {
    private static final String NUM = "\\d+(?:\\.\\d+)?";
    private static final String UNIT = "(?:milliseconds?|millis|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h"
            + "|days?|d|weeks?|wks?|w)";
    private static final String PART = NUM + "\\s*" + UNIT + "(?![\\p{L}])";
    /** A compound duration ("4h 23m", "4 hours and 23 minutes") or a range ("2-3 min", "2 to 3 minutes"). */
    private static final Pattern HUMAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(?:(" + NUM + ")\\s*(?:-|\u2013|to)\\s*)?(" + PART + "(?:(?:\\s*,\\s*|\\s+and\\s+|\\s*)" + PART + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_PART = Pattern.compile("(" + NUM + ")\\s*(" + UNIT + ")(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GO = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h))+");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h)");

    private Durations() {
    }

    /**
     * A duration found in text.
     *
     * @param seconds the value; for a range the upper bound
     * @param lowerSeconds the lower bound of a range, else equal to {@code seconds}
     * @param precision one unit of the last written digit, in seconds (1 minute for "4h 23m", 0.1 minute for "43.2 min")
     * @param start offset of the match in the searched text
     * @param end offset after the match
     * @param text the matched text
     */
    public record Found(double seconds, double lowerSeconds, double precision, int start, int end, String text) {
        /** True when the last unit written is days or weeks. */
        public boolean inDays() {
            return precision >= 86400 * 0.001 && text.matches("(?is).*\\d\\s*(?:days?|d|weeks?|wks?|w)");
        }
    }

    /** All human-written durations in {@code text}, in order. */
    public static List<Found> find(String text) {
        List<Found> result = new ArrayList<>();
        // Every duration starts with a number: most sentences have no digit and need no matcher.
        if (!hasDigit(text)) {
            return result;
        }
        Matcher m = HUMAN.matcher(text);
        while (m.find()) {
            String compound = m.group(2);
            double total = 0;
            double precision = 0;
            double lastUnit = Double.MAX_VALUE;
            double firstUnit = 0;
            boolean ordered = true;
            Matcher part = ONE_PART.matcher(compound);
            int parts = 0;
            while (part.find()) {
                double unit = unitSeconds(part.group(2));
                if (unit >= lastUnit) {
                    ordered = false;
                }
                if (parts == 0) {
                    firstUnit = unit;
                }
                lastUnit = unit;
                BigDecimal number = new BigDecimal(part.group(1));
                total += number.doubleValue() * unit;
                precision = Math.pow(10, -Math.max(0, number.scale())) * unit;
                parts++;
            }
            if (!ordered) {
                // "5m 30m" is two durations, not one; keep the first part only.
                Matcher first = ONE_PART.matcher(compound);
                first.find();
                double unit = unitSeconds(first.group(2));
                BigDecimal number = new BigDecimal(first.group(1));
                int end = m.start(2) + first.end();
                result.add(new Found(number.doubleValue() * unit, number.doubleValue() * unit,
                        Math.pow(10, -number.scale()) * unit, m.start(2), end, text.substring(m.start(2), end)));
                continue;
            }
            double lower = total;
            int start = m.start(2);
            if (m.group(1) != null && parts == 1) {
                lower = Double.parseDouble(m.group(1)) * firstUnit;
                start = m.start();
            }
            result.add(new Found(total, Math.min(lower, total), precision, start, m.end(), text.substring(start, m.end())));
        }
        return result;
    }

    /** Whether {@code text} holds an ASCII digit (what {@code \\d} matches). */
    static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} may hold one of {@code words} (lower-case ASCII) in any case: false only
     * when none occurs even case-insensitively, so a pattern that matches these words ASCII
     * case-insensitively cannot match either. A cheap test before a pattern over many short texts.
     */
    static boolean mayContain(String text, String... words) {
        for (int i = 0; i < text.length(); i++) {
            char c = (char) (text.charAt(i) | 0x20);
            for (String word : words) {
                if (c == word.charAt(0) && text.regionMatches(true, i, word, 0, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first human-written duration of {@code text}. */
    public static Optional<Found> first(String text) {
        List<Found> all = find(text);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Seconds of a Go duration ({@code 15m}, {@code 10m0s}, {@code 1h30m}, {@code 90s}); empty when it is not one. */
    public static Optional<Double> parseGo(String text) {
        String t = text.strip();
        if (t.equals("0")) {
            return Optional.of(0.0);
        }
        if (!GO.matcher(t).matches()) {
            return Optional.empty();
        }
        double total = 0;
        Matcher m = GO_PART.matcher(t);
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            total += switch (m.group(2)) {
                case "ns" -> v / 1e9;
                case "us", "\u00b5s" -> v / 1e6;
                case "ms" -> v / 1e3;
                case "s" -> v;
                case "m" -> v * 60;
                default -> v * 3600;
            };
        }
        return Optional.of(total);
    }

    public static double unitSeconds(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("ms") || u.startsWith("milli") || u.startsWith("msec")) {
            return 0.001;
        }
        return switch (u.charAt(0)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            case 'w' -> 7 * 86400;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    /** Human form with a sensible unit: "43.2 minutes", "8.76 hours", "90 seconds", "2 days". */
    public static String format(double seconds) {
        if (seconds < 1) {
            return number(seconds * 1000) + " ms";
        }
        if (seconds < 120) {
            return number(seconds) + (seconds == 1 ? " second" : " seconds");
        }
        if (seconds < 120 * 60) {
            return number(seconds / 60) + " minutes";
        }
        if (seconds < 48 * 3600) {
            return number(seconds / 3600) + " hours";
        }
        return number(seconds / 86400) + " days";
    }

    /** At most two decimals, trailing zeros dropped. */
    public static String number(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}
