package io.opsdoc.benchmarks;

import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.SourceLoader;
import io.opsdoc.core.engine.Suppressor;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One document through the engine (single worker) with one rule, or with every rule ("all").
 * The rule ids are the ones {@code opsdoc check --timings} reports as slowest on the corpus;
 * subtract the "none" baseline (parsing only) to get the rule's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesBenchmark {
    @Param({"none", "all", "security/hardcoded-secret", "structure/placeholder", "markdown/code-block-language",
        "github-actions/unpinned-action"})
    String rule;

    private Linter linter;
    private List<SourceFile> sources;

    @Setup
    public void setUp() {
        RuleRegistry all = RuleRegistry.load();
        RuleRegistry registry = switch (rule) {
            case "all" -> all;
            case "none" -> new RuleRegistry(List.of());
            default -> new RuleRegistry(List.<Rule>of(all.get(rule)
                    .orElseThrow(() -> new IllegalArgumentException("no rule " + rule))));
        };
        linter = new Linter(registry, ConfigProvider.of(Config.defaults()), Suppressor.NONE, 1,
                Path.of("").toAbsolutePath(), SourceLoader.DEFAULT_MAX_BYTES);
        sources = List.of(Samples.source(Samples.planningDocument(4)));
    }

    @Benchmark
    public LintResult lint() {
        return linter.lintSources(sources);
    }
}
