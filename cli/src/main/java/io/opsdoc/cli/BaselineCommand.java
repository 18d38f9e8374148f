package io.opsdoc.cli;

import io.opsdoc.cli.report.JsonReporter;
import io.opsdoc.cli.report.ReportContext;
import io.opsdoc.cli.report.Reporter;
import io.opsdoc.cli.report.SarifReporter;
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

/** {@code opsdoc baseline}: record today's findings so that {@code check --baseline} reports only new ones. */
@Command(name = "baseline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the current findings to a baseline file.",
            "Later runs of 'opsdoc check --baseline FILE' report only findings that are not in it."},
        footer = {"", "Exit codes: 0 baseline written, 2 usage or configuration error, or a path or file that could not be checked.",
            "Examples:", "  opsdoc baseline docs/planning --output .opsdoc-baseline.json",
            "  opsdoc check docs/planning --baseline .opsdoc-baseline.json"})
public final class BaselineCommand implements Callable<Integer> {
    /** Where the rules come from: loaded when the command runs, or preloaded (see {@link Main#commandLine}). */
    private final Supplier<RuleRegistry> rules;

    public BaselineCommand() {
        this(RuleRegistry::load);
    }

    BaselineCommand(Supplier<RuleRegistry> rules) {
        this.rules = rules;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LintOptions lint = new LintOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "The baseline file to write.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "json or sarif (default: sarif when FILE ends in .sarif, else json).")
    String format;

    @Override
    public Integer call() throws IOException {
        Reporter reporter = reporter();
        LintResult result = lint.linter(rules.get()).lint(lint.pathsOrDefault());
        ReportContext context = new ReportContext(Path.of("").toAbsolutePath(), VersionProvider.version(),
                Optional.empty(), false);
        ReportFile.write(output, result, lint.pathsOrDefault(), writer -> reporter.write(result, context, writer));
        int count = result.active().size();
        PrintWriter err = spec.commandLine().getErr();
        err.println("opsdoc: baseline of " + count + (count == 1 ? " finding" : " findings")
                + " written to " + Printable.escape(output.toString()));
        // A baseline of an incomplete run would hide the findings of the files it missed.
        CheckCommand.reportIncomplete(result, err);
        return result.errors().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    private Reporter reporter() {
        String chosen = format != null ? format.toLowerCase(Locale.ROOT)
                : output.toString().toLowerCase(Locale.ROOT).endsWith(".sarif") ? "sarif" : "json";
        return switch (chosen) {
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            default -> throw new UserException("unknown baseline --format '" + format + "'; use json or sarif");
        };
    }
}
