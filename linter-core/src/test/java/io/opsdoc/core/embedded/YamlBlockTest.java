package io.opsdoc.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

class YamlBlockTest {
    private CodeBlock block(String markdown) {
        return new MarkdownParser().parse(SourceFile.ofText("doc.md", markdown)).codeBlocks().get(0);
    }

    @Test
    void nodePositionsMapToTheMarkdownFileInUtf16() {
        String md = "# T\n\n- item\n\n  ```yaml\n  emoji: \"\uD83D\uDE80\uD83D\uDE80\"\n  name: web\n  ```\n";
        YamlBlock yaml = block(md).yaml();
        assertThat(yaml.valid()).isTrue();
        Node name = YamlNodes.keyNode(yaml.documents().get(0), "name").orElseThrow();
        assertThat(yaml.start(name).line()).isEqualTo(7);
        assertThat(yaml.start(name).column()).isEqualTo(3);
        Node value = YamlNodes.get(yaml.documents().get(0), "name").orElseThrow();
        assertThat(yaml.range(value).start().offset()).isEqualTo(md.indexOf("web"));
    }

    @Test
    void syntaxErrorIsPositionedInsideTheFile() {
        String md = "# T\n\n```yaml\nspec:\n  replicas: 3\n   bad: indent\n```\n";
        YamlBlock yaml = block(md).yaml();
        assertThat(yaml.kind()).isEqualTo(BlockKind.INVALID);
        assertThat(yaml.error()).get().extracting(e -> e.range().start().line()).isEqualTo(6);
    }

    @Test
    void elidedAndTemplatedSnippetsAreNotInvalid() {
        assertThat(block("```yaml\nmetadata:\n  ...\n  name: x\nspec:\n...\nkind: y\n```\n").yaml().kind())
                .isIn(BlockKind.ELIDED, BlockKind.VALID);
        assertThat(block("```yaml\n{{- if .Values.x }}\nkey: {{ .Values.y }}\n{{- end }}\n```\n").yaml().kind())
                .isIn(BlockKind.TEMPLATED, BlockKind.VALID);
    }

    @Test
    void multiDocumentStreamsAndAliasBombs() {
        assertThat(block("```yaml\na: 1\n---\nb: 2\n```\n").yaml().documents()).hasSize(2);
        StringBuilder bomb = new StringBuilder("```yaml\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        bomb.append("```\n");
        assertThat(block(bomb.toString()).yaml().kind()).isEqualTo(BlockKind.INVALID);
    }

    @Test
    void deepNestingIsACleanError() {
        String deep = "```yaml\n" + "[".repeat(10_000) + "\n```\n";
        YamlBlock yaml = block(deep).yaml();
        assertThat(yaml.valid()).isFalse();
    }
}
