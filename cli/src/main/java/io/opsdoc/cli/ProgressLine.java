package io.opsdoc.cli;

import io.opsdoc.core.engine.Progress;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * "checked 120/3750 files" on standard error, rewritten in place, when a run over many files
 * happens on a terminal; erased when the run ends so the report starts on a clean line.
 */
final class ProgressLine implements Progress {
    static final int MIN_FILES = 50;
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private long lastDraw = Long.MIN_VALUE;
    private int width;

    ProgressLine(PrintWriter err, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
    }

    /** Progress for this process: a line on a terminal (unless NO_PROGRESS or CI is set), nothing otherwise. */
    static Progress forTerminal(PrintWriter err, Map<String, String> env, boolean terminal) {
        boolean wanted = terminal && !env.containsKey("NO_PROGRESS") && !"true".equalsIgnoreCase(env.get("CI"))
                && !"dumb".equals(env.get("TERM"));
        return wanted ? new ProgressLine(err, System::nanoTime) : Progress.NONE;
    }

    @Override
    public void filesChecked(int done, int total) {
        if (total < MIN_FILES) {
            return;
        }
        long now = clock.getAsLong();
        if (done == total) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            return;
        }
        if (lastDraw != Long.MIN_VALUE && now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        String line = "opsdoc: checked " + done + "/" + total + " files";
        width = Math.max(width, line.length());
        err.print("\r" + line);
        err.flush();
    }
}
