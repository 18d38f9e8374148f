package io.opsdoc.cli;

import io.opsdoc.core.engine.LintResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --timings} breakdown: one {@code timings: <name> <value> <unit>} line per figure (rules: the
 * five slowest and any other taking 100 ms or more), so
 * scripts (bench/run.py) can grep it. Per-file phases are summed over the worker threads.
 */
final class TimingsReport {
    private static final int SLOWEST_RULES = 5;
    /** Beyond the five slowest, every rule at or above this is listed too (the per-rule budget is 500 ms). */
    private static final long LISTED_RULE_NANOS = 100_000_000L;

    private TimingsReport() {
    }

    static void print(LintResult result, long outputNanos, PrintWriter err) {
        io.opsdoc.core.engine.Timings t = result.timings();
        long bytes = t.chars();
        line(err, "files", result.filesChecked(), "files");
        line(err, "chars", bytes, "chars");
        line(err, "discovery", ms(t.discovery()), "ms");
        line(err, "reading", ms(t.reading()), "ms");
        line(err, "markdown", ms(t.markdown()), "ms");
        line(err, "embedded", ms(t.embedded()), "ms");
        line(err, "document-rules", ms(t.documentRules()), "ms");
        line(err, "set-rules", ms(t.setRules()), "ms");
        line(err, "output", ms(outputNanos), "ms");
        line(err, "lint-wall", ms(t.wall()), "ms");
        int shown = 0;
        for (Map.Entry<String, Long> rule : t.slowestRules(Integer.MAX_VALUE)) {
            if (shown++ >= SLOWEST_RULES && rule.getValue() < LISTED_RULE_NANOS) {
                break;
            }
            err.printf(Locale.ROOT, "timings: rule %s %.1f ms%n", io.opsdoc.core.text.Printable.escape(rule.getKey()), rule.getValue() / 1e6);
        }
        err.flush();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void line(PrintWriter err, String name, double value, String unit) {
        err.printf(Locale.ROOT, "timings: %s %.1f %s%n", name, value, unit);
    }

    private static void line(PrintWriter err, String name, long value, String unit) {
        err.printf(Locale.ROOT, "timings: %s %d %s%n", name, value, unit);
    }
}
