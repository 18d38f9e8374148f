package io.opsdoc.cli.report;

import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** {@code path:line:col: level [rule-id] message}, one per line, then skipped files and a summary. */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        for (Finding f : result.active()) {
            String level = f.level().id();
            if (context.color()) {
                level = colour(f.level()) + level + RESET;
            }
            out.write(f.file() + ":" + f.line() + ":" + f.column() + ": " + level + " [" + f.ruleId() + "] "
                    + f.message() + "\n");
        }
        for (Notice notice : result.notices()) {
            out.write(notice.file() + ": " + notice.message() + "\n");
        }
        long errors = result.count(Level.ERROR);
        long warnings = result.count(Level.WARNING);
        long notes = result.count(Level.NOTE);
        long total = errors + warnings + notes;
        String files = result.filesChecked() + (result.filesChecked() == 1 ? " file" : " files");
        if (total == 0) {
            out.write("No problems found in " + files + ".\n");
        } else {
            out.write(String.format(Locale.ROOT, "%d %s (%d %s, %d %s, %d %s) in %s.%n", total,
                    total == 1 ? "problem" : "problems", errors, errors == 1 ? "error" : "errors",
                    warnings, warnings == 1 ? "warning" : "warnings", notes, notes == 1 ? "note" : "notes", files));
        }
        long suppressed = result.findings().size() - result.active().size();
        if (suppressed > 0) {
            out.write(suppressed + " suppressed in source.\n");
        }
        if (!result.notices().isEmpty()) {
            out.write(result.notices().size() + (result.notices().size() == 1 ? " file" : " files")
                    + " could not be checked (see above).\n");
        }
    }

    private static String colour(Level level) {
        return switch (level) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case NOTE -> "\u001b[36m";
        };
    }
}
