package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import io.opsdoc.core.testing.SharedCorpus;
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

    /** Every node's class, span and text, in document order, one per line. */
    private static String tree(Parser parser, String markdown) {
        StringBuilder out = new StringBuilder();
        dump(parser.parse(markdown), 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getSimpleName()).append(' ')
                .append(node.getStartOffset()).append('-').append(node.getEndOffset()).append(' ')
                .append(node.getChars().toString().replace("\n", "\\n")).append('\n');
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            dump(child, depth + 1, out);
        }
    }

    @Test
    void inlineElementsParseAsFlexmarkParsesThem() {
        List<String> samples = List.of(
                "Run `make  build` then ``a ` tick`` and ```unclosed.\n",
                "A [link](https://example.com \"title\") and [ref][r], [collapsed][] and ![img](a.png 'x').\n\n"
                        + "[r]: https://example.com/r  \"Ref\"\n[collapsed]: <a b.md>\n",
                "*em* **strong** _a_b_ ~~no~~ <https://auto.link> <span id=\"x\">html</span> \\*escaped\\*\n",
                "Line one  \nline two\\\nline three &amp; &#42; &copy;\n",
                "| a | `b|c` |\n|---|---|\n| [x](y) | **z** |\n",
                "- item with `code`\n  - nested [link]( spaced.md )\n\n> quote `q` [l]\n>\n> [l]: /l\n",
                "[unclosed link](missing\n[empty]()\n[ ](  )\n` `\n");
        for (String sample : samples) {
            assertThat(tree(COPY_FREE, sample)).as(sample).isEqualTo(tree(STOCK, sample));
        }
    }

    @Test
    void everyCorpusFileParsesAsFlexmarkParsesIt() throws IOException {
        List<Path> files = SharedCorpus.markdownFiles();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        // Every 5th file keeps the test quick while covering each repository of the corpus.
        for (int i = 0; i < files.size(); i += 5) {
            String text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
            assertThat(tree(COPY_FREE, text)).as(files.get(i).toString()).isEqualTo(tree(STOCK, text));
        }
    }
}
