package io.opsdoc.benchmarks;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What opsdoc's Markdown model costs on top of flexmark: on the same files, {@code flexmark} is
 * flexmark's own parse with the options and extensions opsdoc uses
 * ({@link MarkdownParser#flexmarkOptions()}), {@code model} is {@link MarkdownParser#parse} (the
 * same parse plus the document model the rules read). One operation parses every file of the
 * sample once; {@code interleaved} runs both on each file in turn and counts the CPU time of each
 * (steadier than wall time on a busy machine). The target of issue 14 is model / flexmark
 * &lt;= 2.0; {@link #main} runs the three and prints the ratios.
 *
 * <p>Input: a fixed sample of {@code files} Markdown files of the shared corpus (every n-th file
 * in path order), found by walking up from the working directory to {@code shared/corpus} or
 * given with {@code -p corpus=DIR}; without a corpus, generated planning documents
 * ({@link Samples}) of 1 to 12 stage sections.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ModelCostBenchmark {
    /** Corpus folder; empty: look for {@code shared/corpus} from the working directory upwards. */
    @Param({""})
    String corpus;

    /** Size of the sample. */
    @Param({"300"})
    int files;

    private List<SourceFile> sources;
    private List<String> texts;
    private Parser flexmark;
    private MarkdownParser opsdoc;

    @Setup
    public void setUp() {
        sources = sample(corpus, files);
        texts = sources.stream().map(SourceFile::text).toList();
        flexmark = Parser.builder(MarkdownParser.flexmarkOptions()).build();
        opsdoc = new MarkdownParser();
    }

    @Benchmark
    public void flexmark(Blackhole sink) {
        for (String text : texts) {
            Document document = flexmark.parse(text);
            sink.consume(document);
        }
    }

    @Benchmark
    public void model(Blackhole sink) {
        for (SourceFile source : sources) {
            MarkdownDocument document = opsdoc.parse(source);
            sink.consume(document);
        }
    }

    /**
     * CPU time of this thread spent in each of the two parses, file by file in turn. On a busy
     * machine the wall-clock scores of {@link #flexmark} and {@link #model} move with the load;
     * the CPU time of interleaved runs gives a steadier ratio.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        /** Nanoseconds of CPU time in flexmark's parse. */
        public long flexmarkCpuNanos;
        /** Nanoseconds of CPU time in opsdoc's parse + model. */
        public long modelCpuNanos;

        @Setup(Level.Iteration)
        public void reset() {
            flexmarkCpuNanos = 0;
            modelCpuNanos = 0;
        }
    }

    @Benchmark
    public void interleaved(CpuTime cpu, Blackhole sink) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (SourceFile source : sources) {
            long t0 = threads.getCurrentThreadCpuTime();
            sink.consume(flexmark.parse(source.text()));
            long t1 = threads.getCurrentThreadCpuTime();
            sink.consume(opsdoc.parse(source));
            long t2 = threads.getCurrentThreadCpuTime();
            cpu.flexmarkCpuNanos += t1 - t0;
            cpu.modelCpuNanos += t2 - t1;
        }
    }

    /** The sample: corpus files when a corpus is found, else generated documents. */
    static List<SourceFile> sample(String corpusDir, int count) {
        Optional<Path> root = corpusDir.isEmpty() ? findCorpus() : Optional.of(Path.of(corpusDir));
        if (root.isEmpty()) {
            List<SourceFile> generated = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                generated.add(Samples.source(Samples.planningDocument(1 + i % 12)));
            }
            return generated;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root.get())) {
            all = walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no Markdown files in " + root.get());
        }
        int step = Math.max(1, all.size() / count);
        List<SourceFile> picked = new ArrayList<>();
        for (int i = 0; i < all.size() && picked.size() < count; i += step) {
            Path path = all.get(i);
            try {
                String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
                picked.add(SourceFile.of(path, root.get().relativize(path).toString(), text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return picked;
    }

    /** {@code shared/corpus} in the working directory or one of its parents. */
    static Optional<Path> findCorpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs both benchmarks in one JVM session and prints model / flexmark. Accepts JMH's command
     * line options (e.g. {@code -p files=100 -wi 3 -i 3}).
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions command = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(command)
                .include(ModelCostBenchmark.class.getName() + "\\.").build()).run();
        double flexmarkScore = score(results, "flexmark");
        double modelScore = score(results, "model");
        double flexmarkCpu = secondary(results, "flexmarkCpuNanos");
        double modelCpu = secondary(results, "modelCpuNanos");
        System.out.printf("%nModel cost (target: parse + model <= 2.00 x parse):%n"
                + "  wall: flexmark parse %.2f ms/op, opsdoc parse + model %.2f ms/op, ratio %.2f%n"
                + "  CPU, interleaved: ratio %.2f%n", flexmarkScore, modelScore, modelScore / flexmarkScore,
                modelCpu / flexmarkCpu);
    }

    private static double score(Collection<RunResult> results, String name) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + name))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
    }

    private static double secondary(Collection<RunResult> results, String counter) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith(".interleaved"))
                .map(r -> r.getSecondaryResults().get(counter)).filter(java.util.Objects::nonNull)
                .mapToDouble(r -> r.getScore()).findFirst().orElse(Double.NaN);
    }
}
