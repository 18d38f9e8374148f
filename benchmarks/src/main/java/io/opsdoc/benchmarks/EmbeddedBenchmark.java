package io.opsdoc.benchmarks;

import io.opsdoc.core.embedded.HclBlock;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.promql.PromQlParser;
import io.opsdoc.core.promql.PromQlResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing of embedded blocks with position mapping: YAML (SnakeYAML Engine), HCL2 and PromQL. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmbeddedBenchmark {
    private CodeBlock workflow;
    private CodeBlock terraform;
    private String promql;

    @Setup
    public void setUp() {
        MarkdownDocument document = Samples.parse(Samples.planningDocument(1));
        workflow = Samples.firstBlock(document, "yaml");
        terraform = Samples.firstBlock(document, "hcl");
        promql = "sum(rate(http_requests_total{job=\"checkout\",code=~\"5..\"}[5m]))"
                + " / sum(rate(http_requests_total{job=\"checkout\"}[5m])) > 0.01";
    }

    @Benchmark
    public YamlBlock yaml() {
        return YamlBlock.parse(workflow);
    }

    @Benchmark
    public HclBlock hcl() {
        return HclBlock.parse(terraform);
    }

    @Benchmark
    public PromQlResult promql() {
        return PromQlParser.parse(promql);
    }
}
