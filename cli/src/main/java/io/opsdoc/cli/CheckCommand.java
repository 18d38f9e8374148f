package io.opsdoc.cli;

import io.opsdoc.cli.report.Formats;
import io.opsdoc.cli.report.ReportContext;
import io.opsdoc.cli.report.Reporter;
import io.opsdoc.cli.report.TextReporter;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc check}: lint and report. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check Markdown planning documents and the configuration embedded in them.",
            "Prints one line per finding (path:line:col: level [rule-id] message) and a summary."},
        footer = {"", "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,",
            "  or a path or file that could not be checked (missing, unreadable, internal error).",
            "Memory: over more than 4 MB of Markdown the check runs in a second JVM with a heap sized from",
            "  the run (see 'opsdoc --help'); -Xmx of your own or OPSDOC_NO_RELAUNCH=1 keeps it in one JVM.",
            "Examples:", "  opsdoc check docs/planning",
            "  opsdoc check . --format sarif --output opsdoc.sarif --fail-on warning"})
public final class CheckCommand implements Callable<Integer> {
    /** Where the rules come from: loaded when the check runs, or preloaded (see {@link Main#commandLine}). */
    private final Supplier<RuleRegistry> rules;

    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions lint = new LintOptions();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json, sarif, checkstyle, github (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
            description = "Exit 1 when a finding at or above LEVEL exists: error, warning, note or none (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--category", paramLabel = "ID",
            description = "SARIF automationDetails.id, to keep several opsdoc runs apart in code scanning.")
    String category;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not in FILE, an earlier opsdoc SARIF or JSON report (see 'opsdoc baseline').")
    Path baseline;

    @Option(names = "--timings",
            description = "Print where the time went (phases, slowest rules) to standard error, as lines starting with 'timings:'.")
    boolean timings;

    public CheckCommand() {
        this(RuleRegistry::load);
    }

    CheckCommand(Supplier<RuleRegistry> rules) {
        this.rules = rules;
    }

    @Override
    public Integer call() throws IOException {
        Optional<Level> threshold = failThreshold(failOn);
        Reporter reporter = Formats.reporter(format.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UserException("unknown --format '" + format + "'; use one of " + Formats.names()));
        RuleRegistry registry = rules.get();
        LintResult result = lint.linter(registry).keepingReportedSourcesOnly().lint(lint.pathsOrDefault(),
                ProgressLine.forTerminal(SafeErrorWriter.rawOf(spec.commandLine().getErr()), System.getenv(), TextReporter.stdoutIsTerminal()));
        ReportContext context = new ReportContext(Path.of("").toAbsolutePath(), VersionProvider.version(),
                Optional.ofNullable(category), io.opsdoc.cli.report.TextReporter.colourWanted(output != null));
        if (baseline != null) {
            // Fingerprints come from the complete run, so filtering does not renumber the rest.
            io.opsdoc.sarif.Fingerprints fingerprints = io.opsdoc.sarif.Fingerprints.of(result);
            result = Baseline.read(baseline, context.root()).filter(result, fingerprints, context.root());
            context = context.withFingerprints(fingerprints);
        }
        long outputStart = System.nanoTime();
        write(reporter, result, context);
        PrintWriter err = spec.commandLine().getErr();
        if (timings) {
            TimingsReport.print(result, System.nanoTime() - outputStart, err);
            // Shows whether the run got a heap sized for it (see ChildJvm) or the JVM default.
            err.printf(java.util.Locale.ROOT, "timings: max-heap %d MB (%s)%n", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    ChildJvm.isChild() ? "sized for this run" : "as the JVM was started");
            err.flush();
        }
        reportIncomplete(result, err);
        return exitCode(result, threshold);
    }

    /**
     * The files that could not be checked, on standard error whatever the format (the report may
     * be SARIF in a file): exit code 2 then needs a reason next to it. A run that found no
     * Markdown at all in existing folders passes, with a line saying so.
     */
    static void reportIncomplete(LintResult result, PrintWriter err) {
        for (io.opsdoc.core.engine.Notice notice : result.errors()) {
            err.println("opsdoc: error: " + Printable.escape(notice.file()) + ": " + Printable.escape(notice.message()));
        }
        if (!result.errors().isEmpty()) {
            int count = result.errors().size();
            err.println("opsdoc: the check is incomplete (" + count + (count == 1 ? " path" : " paths")
                    + " not checked); exit code 2");
        } else if (result.filesChecked() == 0 && result.notices().isEmpty()) {
            err.println("opsdoc: no Markdown files (*.md, *.markdown) found in the given paths");
        }
        err.flush();
    }

    static Optional<Level> failThreshold(String failOn) {
        if (failOn.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(Level.parse(failOn)
                .orElseThrow(() -> new UserException("unknown --fail-on '" + failOn + "'; use error, warning, note or none")));
    }

    static int exitCode(LintResult result, Optional<Level> threshold) {
        if (!result.errors().isEmpty()) {
            return ExitCodes.INCOMPLETE;
        }
        return threshold.isPresent() && result.hasAtLeast(threshold.get()) ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private void write(Reporter reporter, LintResult result, ReportContext context) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            reporter.write(result, context, out);
            out.flush();
            return;
        }
        ReportFile.write(output, result, lint.pathsOrDefault(), writer -> reporter.write(result, context, writer));
    }
}
