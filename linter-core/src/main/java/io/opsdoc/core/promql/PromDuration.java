package io.opsdoc.core.promql;

import java.time.Duration;
import java.util.Optional;

/**
 * Prometheus' duration grammar ({@code model.ParseDuration}): one or more {@code <digits><unit>}
 * parts with units {@code y w d h m s ms} in strictly descending order and each at most once,
 * or the bare {@code 0}. A year is 365 days and a week 7 days. Used for range selectors,
 * offsets and the {@code for:} field of alerting rules.
 */
public final class PromDuration {

    /** Units in the only order Prometheus accepts them, with their length in milliseconds. */
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {
        365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000, 1000L, 1L};

    /** Go's time.Duration counts nanoseconds in an int64; longer durations overflow in Prometheus. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    private PromDuration() {
    }

    /** Parses {@code text} exactly as Prometheus does; empty when it is not a valid duration. */
    public static Optional<Duration> parse(String text) {
        Outcome outcome = parseDetailed(text);
        return outcome.error() == null ? Optional.of(Duration.ofMillis(outcome.millis())) : Optional.empty();
    }

    /** Result of a parse: {@code error} is null on success. */
    record Outcome(long millis, String error) {
    }

    static Outcome parseDetailed(String text) {
        if (text == null || text.isEmpty()) {
            return new Outcome(0, "empty duration string");
        }
        if (text.equals("0")) {
            // Prometheus special-cases a bare zero, which has no unit.
            return new Outcome(0, null);
        }
        String invalid = "not a valid duration string: \"" + text + "\"";
        long total = 0;
        int nextUnit = 0; // index into UNITS of the largest unit still allowed
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int digitsStart = pos;
            while (pos < len && isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == digitsStart || pos == len) {
                return new Outcome(0, invalid);
            }
            int unit = unitAt(text, pos);
            if (unit < 0 || unit < nextUnit) {
                return new Outcome(0, invalid);
            }
            long amount;
            try {
                amount = Long.parseLong(text.substring(digitsStart, pos));
            } catch (NumberFormatException e) {
                return new Outcome(0, "duration out of range");
            }
            if (amount > MAX_MILLIS / UNIT_MILLIS[unit]) {
                return new Outcome(0, "duration out of range");
            }
            total += amount * UNIT_MILLIS[unit];
            if (total > MAX_MILLIS) {
                return new Outcome(0, "duration out of range");
            }
            pos += UNITS[unit].length();
            nextUnit = unit + 1;
        }
        return new Outcome(total, null);
    }

    /** Index of the unit starting at {@code pos}, preferring "ms" over "m"; -1 if none. */
    private static int unitAt(String text, int pos) {
        char c = text.charAt(pos);
        if (c == 'm' && pos + 1 < text.length() && text.charAt(pos + 1) == 's') {
            return 6;
        }
        for (int i = 0; i < 6; i++) {
            if (UNITS[i].charAt(0) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
