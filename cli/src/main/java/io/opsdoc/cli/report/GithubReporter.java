package io.opsdoc.cli.report;

import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.text.Printable;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}): annotations on the
 * pull request without uploading SARIF. Paths are relative to the repository root, as GitHub expects.
 */
public final class GithubReporter implements Reporter {
    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        for (Finding f : result.active()) {
            out.write("::" + command(f.level())
                    + " file=" + property(context.root().relativePath(f.file()))
                    + ",line=" + f.line()
                    + ",col=" + f.column()
                    + ",endLine=" + f.range().end().line()
                    + ",endColumn=" + f.range().end().column()
                    + ",title=" + property("opsdoc " + f.ruleId())
                    + "::" + data(f.message()) + "\n");
        }
        for (Notice notice : result.notices()) {
            out.write("::warning file=" + property(context.root().relativePath(notice.file()))
                    + ",title=" + property("opsdoc could not check this file") + "::" + data(notice.message()) + "\n");
        }
        long problems = result.active().size();
        out.write("opsdoc: " + problems + (problems == 1 ? " problem" : " problems") + " in "
                + result.filesChecked() + (result.filesChecked() == 1 ? " file" : " files") + "\n");
        out.flush();
    }

    static String command(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    /**
     * Escaping of a command's message, as the Actions runner un-escapes it (%, CR and LF). Other
     * control characters, which the runner leaves alone but a log viewer may interpret (ESC) or
     * treat as a line end (U+2028), are then shown {@link Printable#escape escaped}.
     */
    static String data(String text) {
        return Printable.escape(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    /** Escaping of a property value: the message escapes plus ':' and ',', which delimit properties. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
