package io.opsdoc.core.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLO windows as written: "per month", "/month", "monthly", "over 30 days", "a 28-day rolling
 * window", "per quarter", "annually", "per week". A calendar month is 28 to 31 days long, a
 * quarter 90 to 92, a year 365 or 366.
 */
public final class Windows {
    private static final String LENGTH = "(?:(\\d+)\\s*-?\\s*(days?|d|weeks?|wks?|w|months?|quarters?|years?|y)|(month|quarter|year|week|day|annum))(?![\\p{L}])";
    private static final Pattern AFTER_PREPOSITION = Pattern.compile(
            "(?:(?<![\\p{L}])(?:per|a|an|each|every|in|over|across|within|rolling|trailing|window|period|of|for)\\s*:?\\s*"
                    + "(?:(?:a|an|the|any|one|rolling|trailing|calendar|last|past|previous)\\s+)*|/\\s*)" + LENGTH,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADJECTIVE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(\\d+)-(day|week|month|quarter|year)|(\\d+)\\s*(days?|d)(?=\\s+(?:rolling|trailing|window|period)))(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVERB = Pattern.compile(
            "(?<![\\p{L}])(monthly|quarterly|yearly|annually|annual|weekly|daily)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);

    /** Words without which a text without digits holds no window: the units and the adverbs ("monthly", "daily"). */
    private static final String[] UNIT_WORDS = {"month", "quarter", "year", "week", "day", "annum", "annual", "daily"};

    private Windows() {
    }

    /**
     * A window.
     *
     * @param minDays shortest length (28 for "a month")
     * @param maxDays longest length (31 for "a month")
     * @param start offset of the phrase in the searched text
     */
    public record Found(double minDays, double maxDays, String label, int start, int end) {
        /** The length used in messages: the typical one of a variable window. */
        public double typicalDays() {
            if (minDays == maxDays) {
                return minDays;
            }
            if (minDays == 28) {
                return 30;
            }
            return minDays;
        }

        public String describe() {
            if (minDays == maxDays) {
                return label;
            }
            return "a " + Durations.number(typicalDays()) + "-day " + label;
        }

        public boolean sameAs(Found other) {
            return minDays == other.minDays && maxDays == other.maxDays;
        }
    }

    public static List<Found> find(String text) {
        List<Found> result = new ArrayList<>();
        // Each pattern needs a number or one of these words (ASCII case aside); most sentences have neither.
        if (!Durations.hasDigit(text) && !Durations.mayContain(text, UNIT_WORDS)) {
            return result;
        }
        Matcher m = AFTER_PREPOSITION.matcher(text);
        while (m.find()) {
            if (m.group(3) != null) {
                add(result, unit(1, m.group(3), m.start(), m.end()));
            } else if (count(m.group(1)) >= 0) {
                add(result, unit(count(m.group(1)), m.group(2), m.start(), m.end()));
            }
        }
        m = ADJECTIVE.matcher(text);
        while (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(3);
            String u = m.group(1) != null ? m.group(2) : m.group(4);
            if (count(n) >= 0) {
                add(result, unit(count(n), u, m.start(), m.end()));
            }
        }
        m = ADVERB.matcher(text);
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            String u = switch (w) {
                case "monthly" -> "month";
                case "quarterly" -> "quarter";
                case "weekly" -> "week";
                case "daily" -> "day";
                default -> "year";
            };
            add(result, unit(1, u, m.start(), m.end()));
        }
        result.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return result;
    }

    /**
     * The window's count, or -1 for a digit run no window has (an id or a hash such as
     * "3154453269561 days" in a changelog): it would not fit an int, and as a window it means nothing.
     */
    private static int count(String digits) {
        return digits.length() > MAX_COUNT_DIGITS ? -1 : Integer.parseInt(digits);
    }

    /** Six digits: a million days is far beyond any window a plan states. */
    private static final int MAX_COUNT_DIGITS = 6;

    private static void add(List<Found> result, Found f) {
        for (Found other : result) {
            if (f.start() < other.end() && other.start() < f.end()) {
                return;
            }
        }
        result.add(f);
    }

    private static Found unit(int count, String unit, int start, int end) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("mo")) {
            return new Found(28.0 * count, 31.0 * count, count == 1 ? "month" : count + " months", start, end);
        }
        if (u.startsWith("q")) {
            return new Found(90.0 * count, 92.0 * count, count == 1 ? "quarter" : count + " quarters", start, end);
        }
        if (u.startsWith("y") || u.equals("annum")) {
            return new Found(365.0 * count, 366.0 * count, count == 1 ? "year" : count + " years", start, end);
        }
        if (u.startsWith("w")) {
            return new Found(7.0 * count, 7.0 * count, count == 1 ? "a week" : count * 7 + " days", start, end);
        }
        return new Found(count, count, count == 1 ? "a day" : count + " days", start, end);
    }

    /** The standard windows tried when a text names none. */
    public static List<Found> standard() {
        return List.of(unit(1, "week", 0, 0), unit(1, "month", 0, 0), unit(1, "quarter", 0, 0), unit(1, "year", 0, 0));
    }
}
