package io.opsdoc.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.fuzz.FuzzSupport;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Fuzz targets for YAML and JSON code blocks (docs/fuzzing.md). The input is the block's content;
 * each run parses it in a top-level fence and in a fence nested in a list item indented with a
 * tab, the case where the YAML reader expands tabs and maps columns back. Properties: never throws,
 * every error and node position lies inside the block in the file (line/column matching the
 * offset), and it finishes in time. Seeds and regression inputs:
 * src/test/resources/io/opsdoc/core/embedded/EmbeddedBlocksFuzzTestInputs/{yaml,json}/.
 */
class EmbeddedBlocksFuzzTest {
    private static final MarkdownParser PARSER = new MarkdownParser();

    static {
        // Load and JIT the code once, so that the time limit measures each input and not start-up.
        blocks("yaml", "a: [1, {b: c}]").forEach(YamlBlock::parse);
        blocks("json", "{\"a\": [1]}").forEach(JsonBlock::parse);
    }

    @FuzzTest
    void yaml(byte[] input) {
        for (CodeBlock block : blocks("yaml", FuzzSupport.text(input))) {
            YamlBlock yaml = FuzzSupport.withinTime("parse YAML", () -> YamlBlock.parse(block));
            yaml.error().ifPresent(error -> assertInBlock(block, error.range(), error));
            List<Node> pending = new ArrayList<>(yaml.documents());
            List<Node> seen = new ArrayList<>();
            while (!pending.isEmpty()) {
                Node node = pending.remove(pending.size() - 1);
                // Aliases share node objects, and a recursive alias makes a cycle.
                if (seen.stream().anyMatch(n -> n == node)) {
                    continue;
                }
                seen.add(node);
                assertInBlock(block, yaml.range(node), node.getNodeType());
                if (node instanceof MappingNode mapping) {
                    for (NodeTuple tuple : mapping.getValue()) {
                        pending.add(tuple.getKeyNode());
                        pending.add(tuple.getValueNode());
                    }
                } else if (node instanceof SequenceNode sequence) {
                    pending.addAll(sequence.getValue());
                }
            }
        }
    }

    @FuzzTest
    void json(byte[] input) {
        for (CodeBlock block : blocks("json", FuzzSupport.text(input))) {
            JsonBlock json = FuzzSupport.withinTime("parse JSON", () -> JsonBlock.parse(block));
            json.error().ifPresent(error -> assertInBlock(block, error.range(), error));
            json.lenientError().ifPresent(error -> assertInBlock(block, error.range(), error));
            assertThat(json.values().isEmpty()).as("values exactly when no error (%s)", json.kind())
                    .isEqualTo(json.error().isPresent() || json.kind() == BlockKind.EMPTY);
        }
    }

    /** The content in a top-level block, built directly so that no Markdown rule can cut it short, and nested in a list. */
    private static List<CodeBlock> blocks(String language, String content) {
        List<CodeBlock> blocks = new ArrayList<>();
        SourceFile top = SourceFile.of(Path.of("fuzz.md"), "fuzz.md", "```" + language + "\n" + content + "\n```\n");
        int lines = top.lineCount();
        int[] offsets = new int[Math.max(0, lines - 2)];
        List<String> texts = new ArrayList<>();
        for (int line = 2; line < lines; line++) {
            offsets[line - 2] = top.lineStart(line);
            texts.add(top.lineText(line));
        }
        blocks.add(new CodeBlock(top, true, language, true, false, top.range(0, top.text().length()),
                top.lineRange(1), offsets, texts));

        String nested = "- item\n\n\t```" + language + "\n\t" + content.replace("\n", "\n\t") + "\n\t```\n";
        blocks.addAll(PARSER.parse(SourceFile.of(Path.of("nested.md"), "nested.md", nested)).codeBlocks());
        return blocks;
    }

    private static void assertInBlock(CodeBlock block, Range range, Object owner) {
        FuzzSupport.assertInside(block.source(), range, owner);
        assertThat(range.start().offset()).as("%s starts inside %s", owner, block)
                .isBetween(block.range().start().offset(), block.range().end().offset());
        assertThat(range.end().offset()).as("%s ends inside %s", owner, block)
                .isBetween(block.range().start().offset(), block.range().end().offset());
    }
}
