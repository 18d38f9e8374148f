package io.opsdoc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.facts.AlertFact;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.EnvironmentFact;
import io.opsdoc.core.facts.FactsJson;
import io.opsdoc.core.facts.FactsReader;
import io.opsdoc.core.facts.HealthEndpoints;
import io.opsdoc.core.facts.SloFact;
import io.opsdoc.core.facts.TermFact;
import io.opsdoc.core.facts.TimedFact;
import io.opsdoc.core.source.Range;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsdoc facts}: what opsdoc understood of the planning documents, the facts its rules query. */
@Command(name = "facts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the facts opsdoc reads from planning documents: environments, SLOs, alerts, timings,",
            "health endpoints, secrets stores, scanners, backups. The JSON schema is in docs/facts.md."})
public final class FactsCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Markdown files or folders (folders recursively). Default: the current folder.")
    List<Path> paths = List.of();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--config", paramLabel = "FILE", description = "Use this configuration file (document types, ignores).")
    Path config;

    @Override
    public Integer call() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> targets = paths.isEmpty() ? List.of(Path.of(".")) : paths;
        for (Path p : targets) {
            if (!p.toFile().exists()) {
                throw new UserException("no such file or folder: " + p);
            }
        }
        ConfigCommand.Setup setup = ConfigCommand.setup(RuleRegistry.load(), cwd, Optional.ofNullable(config), targets);
        FactsReader.Result result = new FactsReader(setup.provider(), cwd, LintOptions.defaultMaxBytes()).read(targets);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Notice n : result.notices()) {
            err.println("opsdoc: " + n.file() + ": " + n.message());
        }
        if (format == Format.json) {
            // Streamed, not built as one string: a 5 MB plan has tens of thousands of facts.
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            mapper.writeValue(out, FactsJson.of(result.documents()));
            out.println();
        } else {
            result.documents().forEach(d -> text(d, out));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(DocumentFacts d, PrintWriter out) {
        out.println(d.path() + (d.type().isEmpty() ? " (untyped)" : " (" + d.type() + ")"));
        for (EnvironmentFact e : d.environments()) {
            out.println("  " + at(e.range()) + " environment " + e.name() + " (\"" + e.written() + "\")");
        }
        for (SloFact s : d.slos()) {
            out.println("  " + at(s.range()) + " slo " + s.written() + "%" + s.window().map(w -> " per " + w).orElse("")
                    + s.allowanceWritten().map(a -> ", allowance " + a + " at " + at(s.allowanceRange())).orElse(""));
        }
        for (AlertFact a : d.alerts()) {
            String threshold = a.comparison().map(c -> " " + c + (a.threshold().isPresent()
                    ? " " + trim(a.threshold().getAsDouble()) : "")).orElse(" (no threshold)");
            out.println("  " + at(a.range()) + " alert " + a.name() + " [" + a.source() + "]" + threshold
                    + a.forDuration().map(f -> " for " + f).orElse("") + a.severity().map(s -> " severity " + s).orElse("")
                    + a.runbook().map(r -> " runbook " + FactsJson.withoutCredentials(r)).orElse(""));
        }
        for (TimedFact t : d.timings()) {
            out.println("  " + at(t.range()) + " " + t.kind() + " " + t.label() + " = " + t.written());
        }
        for (HealthEndpoints.Endpoint e : d.healthEndpoints()) {
            out.println("  " + at(e.pathRange()) + " health " + e.path()
                    + (e.port().isPresent() ? " port " + e.port().getAsInt() : "") + " (" + e.source()
                    + (e.service().isEmpty() ? "" : ", service " + e.service())
                    + (e.monitoringTool() ? ", monitoring tool" : "") + ")");
        }
        for (TermFact t : d.terms()) {
            out.println("  " + at(t.range()) + " " + t.kind() + " " + t.name());
        }
    }

    private static String at(Range r) {
        return r.start().line() + ":" + r.start().column();
    }

    /** At most six significant decimals: 14.4 * 0.0005 prints as 0.0072, not 0.007200000000000001. */
    private static String trim(double v) {
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
