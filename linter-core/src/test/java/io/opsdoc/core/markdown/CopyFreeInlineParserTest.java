package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.parser.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copy-free inline parser builds exactly the tree flexmark's own inline parser builds. */
class CopyFreeInlineParserTest {
    private static final Parser STOCK = Parser.builder(MarkdownParser.flexmarkOptions()).build();
    private static final Parser COPY_FREE = CopyFreeInlineParser.install(
            Parser.builder(MarkdownParser.flexmarkOptions()), MarkdownParser.flexmarkOptions()).build();

    private static String tree(Parser parser, String markdown) {
        return FlexmarkTrees.tree(parser.parse(markdown));
    }

    @Test
    void inlineElementsParseAsFlexmarkParsesThem() {
        for (String sample : FlexmarkTrees.SAMPLES) {
            assertThat(tree(COPY_FREE, sample)).as(sample).isEqualTo(tree(STOCK, sample));
        }
    }

    @Test
    void everyCorpusFileParsesAsFlexmarkParsesIt() throws IOException {
        List<Path> files = FlexmarkTrees.corpusSample();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            assertThat(tree(COPY_FREE, text)).as(file.toString()).isEqualTo(tree(STOCK, text));
        }
    }

    @Test
    void anIdleParserKeepsNothingOfItsLastDocument() {
        CopyFreeInlineParser[] made = new CopyFreeInlineParser[1];
        Parser parser = Parser.builder(MarkdownParser.flexmarkOptions())
                .customInlineParserFactory((options, special, delimiters, processors, linkRefs, extensions) ->
                        made[0] = new CopyFreeInlineParser(options, special, delimiters, processors, linkRefs, extensions))
                .build();
        parser.parse("[r]: /r\n\nA [link][r], then an [unclosed bracket and *an unclosed delimiter\n");
        CopyFreeInlineParser inline = made[0];
        // What flexmark leaves behind: the document, and the last paragraph's unclosed bracket.
        assertThat(inline.getDocument()).isNotNull();
        assertThat(inline.getLastBracket()).isNotNull();

        inline.forgetDocument();

        assertThat(inline.getDocument()).isNull();
        assertThat(inline.getLastBracket()).isNull();
        assertThat(inline.getLastDelimiter()).isNull();
        assertThat(inline.getBlock()).isNull();
        assertThat((Object) inline.getInput()).isNull();
    }
}
