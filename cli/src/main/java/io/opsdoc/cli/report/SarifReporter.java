package io.opsdoc.cli.report;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.sarif.SarifInput;
import io.opsdoc.sarif.SarifWriter;
import java.io.IOException;
import java.io.Writer;

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers; suppressed findings included as such. */
public final class SarifReporter implements Reporter {
    @Override
    public void write(LintResult result, ReportContext context, Writer out) throws IOException {
        SarifInput input = new SarifInput(result, Tool.info(context.toolVersion()), context.root(),
                context.fingerprints(result), context.category());
        new SarifWriter().write(input, out);
    }
}
