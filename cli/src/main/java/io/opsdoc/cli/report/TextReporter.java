package io.opsdoc.cli.report;

import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.text.Printable;
import java.io.IOException;
import java.io.Console;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

/**
 * {@code path:line:col: level [rule-id] message}, one per line, then skipped files and a summary.
 * File names, rule ids and messages are {@link Printable#escape escaped}: document content never
 * starts a new line or a terminal escape sequence.
 * The location is the {@code path:line:col} form terminals and editors turn into links. With
 * colour, the level is coloured, the rule id dimmed and the summary coloured by its worst level.
 */
public final class TextReporter implements Reporter {
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";

    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        for (Finding f : result.active()) {
            String level = f.level().id();
            if (context.color()) {
                level = colour(f.level()) + level + RESET;
            }
            String rule = "[" + Printable.escape(f.ruleId()) + "]";
            if (context.color()) {
                rule = DIM + rule + RESET;
            }
            out.write(Printable.escape(f.file()) + ":" + f.line() + ":" + f.column() + ": " + level + " " + rule + " "
                    + Printable.escape(f.message()) + "\n");
        }
        for (Notice notice : result.notices()) {
            String kind = notice.kind() == Notice.Kind.ERROR ? "error: " : "";
            out.write(Printable.escape(notice.file()) + ": " + kind + Printable.escape(notice.message()) + "\n");
        }
        long errors = result.count(Level.ERROR);
        long warnings = result.count(Level.WARNING);
        long notes = result.count(Level.NOTE);
        long total = errors + warnings + notes;
        String files = result.filesChecked() + (result.filesChecked() == 1 ? " file" : " files");
        if (total == 0) {
            out.write(paint(context, GREEN, "No problems found in " + files + ".") + "\n");
        } else {
            Level worst = errors > 0 ? Level.ERROR : warnings > 0 ? Level.WARNING : Level.NOTE;
            out.write(paint(context, colour(worst), String.format(Locale.ROOT, "%d %s (%d %s, %d %s, %d %s) in %s.", total,
                    total == 1 ? "problem" : "problems", errors, errors == 1 ? "error" : "errors",
                    warnings, warnings == 1 ? "warning" : "warnings", notes, notes == 1 ? "note" : "notes", files))
                    + "\n");
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

    private static String paint(ReportContext context, String colour, String text) {
        return context.color() ? colour + text + RESET : text;
    }

    /**
     * Whether text output to standard output may be coloured: only when it goes to a terminal,
     * never when {@code NO_COLOR} is set to a non-empty value (https://no-color.org) or the
     * terminal is {@code dumb}; {@code FORCE_COLOR} (non-empty, not {@code 0}) forces it on, for
     * CI logs that render ANSI colours.
     */
    public static boolean colourWanted(boolean toFile, Map<String, String> env, boolean terminal) {
        if (toFile || nonEmpty(env.get("NO_COLOR"))) {
            return false;
        }
        String force = env.get("FORCE_COLOR");
        if (nonEmpty(force) && !force.equals("0")) {
            return true;
        }
        return terminal && !"dumb".equals(env.get("TERM"));
    }

    /** {@link #colourWanted(boolean, Map, boolean)} for this process. */
    public static boolean colourWanted(boolean toFile) {
        return colourWanted(toFile, System.getenv(), stdoutIsTerminal());
    }

    /**
     * Java 17 returns a console only when standard input and output are terminals; Java 22 and
     * later return one even when redirected and say whether it is a terminal with isTerminal().
     */
    public static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }

    private static String colour(Level level) {
        return switch (level) {
            case ERROR -> "\u001b[31m";
            case WARNING -> "\u001b[33m";
            case NOTE -> "\u001b[36m";
        };
    }
}
