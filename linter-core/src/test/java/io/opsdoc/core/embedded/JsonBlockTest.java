package io.opsdoc.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class JsonBlockTest {
    private CodeBlock block(String markdown) {
        return new MarkdownParser().parse(SourceFile.ofText("doc.md", markdown)).codeBlocks().get(0);
    }

    @Test
    void fallbackChainNamesWhatTheBlockIs() {
        assertThat(block("```json\n{\"a\": 1}\n```\n").json().kind()).isEqualTo(BlockKind.VALID);
        assertThat(block("```json\n{\"a\": 1, // c\n}\n```\n").json().kind()).isEqualTo(BlockKind.LENIENT);
        assertThat(block("```json\n{\"a\": 1}\n{\"b\": 2}\n```\n").json().kind()).isEqualTo(BlockKind.STREAM);
        assertThat(block("```json\n\"scripts\": {\"x\": \"y\"}\n```\n").json().kind()).isEqualTo(BlockKind.FRAGMENT);
        assertThat(block("```json\n{\n  \"a\": 1,\n  ...\n}\n```\n").json().kind()).isEqualTo(BlockKind.ELIDED);
    }

    @Test
    void errorPositionIsExactInAListItem() {
        String md = "- step\n\n  ```json\n  {\"tracestate\" : ,}\n  ```\n";
        JsonBlock json = block(md).json();
        assertThat(json.kind()).isEqualTo(BlockKind.INVALID);
        assertThat(json.error().orElseThrow().range().start().line()).isEqualTo(4);
        assertThat(json.error().orElseThrow().range().start().column()).isEqualTo(md.indexOf(",}") - md.lastIndexOf('\n', md.indexOf(",}")));
    }

    @Test
    void deepNestingIsRejectedCleanly() {
        assertThat(block("```json\n" + "[".repeat(10_000) + "\n```\n").json().kind()).isEqualTo(BlockKind.INVALID);
    }

    @Test
    void trailingCommasAreFoundWhenTheyAreTheOnlyProblem() {
        String content = "{\n  \"a\": [1, 2,],\n  \"b\": \"x,]\",\n}\n";
        CodeBlock block = block("```json\n" + content + "```\n");
        assertThat(block.json().trailingCommas()).containsExactly(content.indexOf(",]"), content.lastIndexOf(",\n}"));
    }

    @Test
    void noTrailingCommasWhenTheBlockHasOtherProblems() {
        assertThat(block("```json\n{\"a\": 1, // note\n}\n```\n").json().trailingCommas()).as("comment").isEmpty();
        assertThat(block("```json\n{a: 1,}\n```\n").json().trailingCommas()).as("unquoted key").isEmpty();
        assertThat(block("```json\n{\"a\": 1}\n```\n").json().trailingCommas()).as("strict").isEmpty();
        assertThat(block("```json\n{\"a\": 1,, }\n```\n").json().trailingCommas()).as("invalid").isEmpty();
    }
}
