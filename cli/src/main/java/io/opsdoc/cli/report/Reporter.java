package io.opsdoc.cli.report;

import io.opsdoc.core.engine.LintResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a lint result in one output format. */
public interface Reporter {
    void write(LintResult result, ReportContext context, Writer out) throws IOException;
}
