package io.opsdoc.benchmarks;

import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
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

/** Markdown parsing plus the document model (headings, sections, blocks, prose) the rules read. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MarkdownBenchmark {
    /** Stage sections per document: 2 is a typical planning document, 40 a long one. */
    @Param({"2", "40"})
    int stages;

    private String text;
    private final MarkdownParser parser = new MarkdownParser();

    @Setup
    public void setUp() {
        text = Samples.planningDocument(stages);
    }

    @Benchmark
    public MarkdownDocument parseAndModel() {
        MarkdownDocument document = parser.parse(Samples.source(text));
        // Touch the lazily built parts of the model the rules use on every file.
        document.sections();
        document.prose();
        document.links();
        return document;
    }
}
