package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The prepared parser, which builds what depends only on the options once and reuses inline
 * parsers, builds exactly the tree flexmark's own parser builds: for each input, whatever was
 * parsed before it, and with several threads parsing at once.
 */
class PreparedParserTest {
    /** flexmark's parser with opsdoc's options and extensions, nothing shared between documents. */
    private static final Parser STOCK = Parser.builder(MarkdownParser.flexmarkOptions()).build();

    private static String stock(String markdown) {
        return FlexmarkTrees.tree(STOCK.parse(markdown));
    }

    @Test
    void samplesParseAsFlexmarkParsesThemWhateverCameBefore() {
        PreparedParser prepared = new PreparedParser(MarkdownParser.flexmarkOptions());
        List<String> samples = FlexmarkTrees.SAMPLES;
        // Forwards, backwards and forwards again with one parser: each tree is built with
        // factories, pre-processors and an inline parser that served other documents before.
        List<String> order = new ArrayList<>(samples);
        List<String> backwards = new ArrayList<>(samples);
        Collections.reverse(backwards);
        order.addAll(backwards);
        order.addAll(samples);
        for (String sample : order) {
            assertThat(FlexmarkTrees.tree(prepared.parse(sample))).as(sample).isEqualTo(stock(sample));
        }
    }

    @Test
    void everyCorpusFileParsesAsFlexmarkParsesIt() throws IOException {
        List<Path> files = FlexmarkTrees.corpusSample();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        PreparedParser prepared = new PreparedParser(MarkdownParser.flexmarkOptions());
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(FlexmarkTrees.tree(prepared.parse(text))).as(file.toString()).isEqualTo(stock(text));
        }
    }

    @Test
    void threadsParsingAtOnceBuildTheTreesOneThreadBuilds() throws Exception {
        List<String> inputs = new ArrayList<>(FlexmarkTrees.SAMPLES);
        List<Path> corpus = FlexmarkTrees.corpusSample();
        for (int i = 0; i < corpus.size() && i < 300; i += 3) {
            inputs.add(new String(Files.readAllBytes(corpus.get(i)), StandardCharsets.UTF_8));
        }
        List<String> expected = new ArrayList<>();
        for (String input : inputs) {
            expected.add(stock(input));
        }
        int threads = 4;
        // A new parser, so that the threads also race for what it fills on first use (the table
        // pre-processor, the HTML-block patterns) and for its idle inline parsers.
        PreparedParser prepared = new PreparedParser(MarkdownParser.flexmarkOptions());
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * inputs.size() / threads;
                results.add(pool.submit(() -> {
                    start.await();
                    // Each thread walks the inputs three times from its own starting point, so
                    // that at any moment the threads parse different documents.
                    List<String> trees = new ArrayList<>();
                    for (int n = 0; n < 3 * inputs.size(); n++) {
                        int i = (offset + n) % inputs.size();
                        trees.add(i + "\n" + FlexmarkTrees.tree(prepared.parse(inputs.get(i))));
                    }
                    return trees;
                }));
            }
            for (int t = 0; t < threads; t++) {
                int offset = t * inputs.size() / threads;
                List<String> trees = results.get(t).get(5, TimeUnit.MINUTES);
                for (int n = 0; n < trees.size(); n++) {
                    int i = (offset + n) % inputs.size();
                    assertThat(trees.get(n)).as("thread %d, input %d", t, i).isEqualTo(i + "\n" + expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
