package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.ext.yaml.front.matter.internal.YamlFrontMatterBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoreBlockStartsTest {
    private static final DataHolder OPTIONS = MarkdownParser.flexmarkOptions();
    private static final Parser STOCK = Parser.builder(OPTIONS).build();
    private static final Parser FILTERED = CoreBlockStarts.install(Parser.builder(OPTIONS), OPTIONS).build();

    private static void assertSameTree(String markdown) {
        assertThat(FlexmarkTrees.tree(FILTERED.parse(markdown))).as(markdown)
                .isEqualTo(FlexmarkTrees.tree(STOCK.parse(markdown)));
    }

    @Test
    void theCoreParsersAreTriedInFlexmarksOrderAfterTheFrontMatter() {
        CoreBlockStarts starts = CoreBlockStarts.of(OPTIONS);
        List<CustomBlockParserFactory> stock = DocumentParser.calculateBlockParserFactories(OPTIONS,
                List.of(new YamlFrontMatterBlockParser.Factory()));

        assertThat(stock.get(0)).isInstanceOf(YamlFrontMatterBlockParser.Factory.class);
        assertThat(starts.parsers()).extracting(Object::getClass)
                .containsExactlyElementsOf(stock.subList(1, stock.size()).stream().map(Object::getClass).toList());
        assertThat(starts.parsers()).hasSize(7);
    }

    @Test
    void blockStartsParseAsFlexmarkParsesThem() {
        List<String> samples = List.of(
                "---\ntitle: x\n---\n# Heading\n",
                "Setext one\n===\n\nSetext two\n---\n\n- - -\n* * *\n___\n",
                "para\n- item interrupts\n1. one\n2) two\n10. ten\n\npara\n2. cannot interrupt\n",
                "- a\n  lazy\ncontinuation\n- b\n\n  - nested\n    ```yaml\n    k: v\n    ```\n- c\n",
                "> quote\n> - list in quote\n>   ```\n>   code\n>   ```\n> # heading in quote\n",
                "```\nunclosed fence\n", "~~~ bash\necho ~~~\n~~~\n", "``` a ` b\nnot a fence\n",
                "<div>\nhtml\n</div>\n\n<!-- comment -->\ntext\n", "    indented code\n\n\tcode with tab\n",
                "#no space\n####### seven\n# closed #\n", "+ plus\n+ more\n\n-\n  empty item\n",
                "- [ ] task\n- [x] done\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
                "text\r\n- crlf item\r\n```\r\ncode\r\n```\r\n", "  * indented bullet\n   3. indented number\n",
                "1.\n2.  \n-\t\ttab\n", "**bold**\n***\n- ***\n");
        samples.forEach(CoreBlockStartsTest::assertSameTree);
        FlexmarkTrees.SAMPLES.forEach(CoreBlockStartsTest::assertSameTree);
    }

    /** Random documents made of the pieces that start, continue and interrupt blocks. */
    @Test
    void randomDocumentsParseAsFlexmarkParsesThem() {
        String[] pieces = {"", " ", "  ", "    ", "\t", "- ", "* ", "+ ", "-", "1. ", "2) ", "12. ", "> ", ">", "# ",
            "## ", "#", "===", "---", "***", "___", "- - -", "```", "~~~", "``` yaml", "<div>", "</div>", "<!-- ",
            "-->", "text", "`code`", "| a | b |", "|---|---|", "[ ] ", "[x]: /u", "k: v", "_", "=", "\\", "<"};
        Random random = new Random(42);
        for (int doc = 0; doc < 4000; doc++) {
            StringBuilder markdown = new StringBuilder();
            int lines = 1 + random.nextInt(12);
            for (int line = 0; line < lines; line++) {
                int parts = random.nextInt(4);
                for (int part = 0; part < parts; part++) {
                    markdown.append(pieces[random.nextInt(pieces.length)]);
                }
                markdown.append(random.nextInt(8) == 0 ? "\r\n" : "\n");
            }
            assertSameTree(markdown.toString());
        }
    }

    @Test
    void everyCorpusFileParsesAsFlexmarkParsesIt() throws IOException {
        List<Path> files = FlexmarkTrees.corpusSample();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        for (Path file : files) {
            assertSameTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
    }
}
