package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.fuzz.FuzzSupport;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;

/**
 * Fuzz target for the Markdown model (docs/fuzzing.md): {@link MarkdownParser} plus the
 * {@link SourceFile} line table. Properties: never throws; every range of every element lies inside
 * the file with line/column equal to what the line table gives for its offset; prose segments and
 * code-block lines are exactly the file text at their offsets (tabs, CRLF, BOM and nesting in lists
 * or quotes shift nothing); offset/position conversions round-trip; it finishes in time.
 * Seeds and regression inputs: src/test/resources/io/opsdoc/core/markdown/MarkdownFuzzTestInputs/parse/.
 */
class MarkdownFuzzTest {
    private static final MarkdownParser PARSER = new MarkdownParser();

    static {
        // Load and JIT the code once, so that the time limit measures each input and not start-up.
        PARSER.parse(SourceFile.ofText("warm.md", "# T\n\n- a\n\n  ```yaml\n  k: v\n  ```\n\n| a |\n|---|\n| b |\n"));
    }

    @FuzzTest
    void parse(byte[] input) {
        String raw = FuzzSupport.text(input);
        SourceFile source = SourceFile.of(Path.of("fuzz.md"), "fuzz.md", raw);
        MarkdownDocument document = FuzzSupport.withinTime("parse Markdown", () -> PARSER.parse(source));
        String text = source.text();
        // CommonMark replaces U+0000 by U+FFFD (same length, so no position moves); compare with that.
        String parsedText = text.replace('\0', '\uFFFD');

        checkLineTable(source);
        for (Heading heading : document.headings()) {
            FuzzSupport.assertInside(source, heading.range(), heading);
            FuzzSupport.assertInside(source, heading.textRange(), heading);
        }
        for (Section section : document.sections()) {
            FuzzSupport.assertInside(source, section.range(), section);
            FuzzSupport.assertInside(source, section.contentRange(), section);
            assertThat(section.ownContentEnd()).as("own content end of %s", section).isBetween(0, text.length());
        }
        for (Link link : document.links()) {
            FuzzSupport.assertInside(source, link.range(), link);
            FuzzSupport.assertInside(source, link.urlRange(), link);
        }
        for (Table table : document.tables()) {
            FuzzSupport.assertInside(source, table.range(), table);
            table.header().forEach(cell -> FuzzSupport.assertInside(source, cell.range(), cell));
            table.rows().forEach(row -> row.forEach(cell -> FuzzSupport.assertInside(source, cell.range(), cell)));
        }
        document.taskItems().forEach(item -> FuzzSupport.assertInside(source, item.range(), item));
        document.comments().forEach(comment -> FuzzSupport.assertInside(source, comment.range(), comment));
        document.frontMatter().ifPresent(front -> FuzzSupport.assertInside(source, front.range(), front));
        for (ProseSegment prose : document.prose()) {
            assertThat(prose.offset()).as("offset of %s", prose).isBetween(0, text.length());
            assertThat(prose.end()).as("end of %s", prose).isLessThanOrEqualTo(text.length());
            assertThat(parsedText.startsWith(prose.text(), prose.offset())).as("%s is the file text at its offset", prose).isTrue();
        }
        for (CodeBlock block : document.codeBlocks()) {
            FuzzSupport.assertInside(source, block.range(), block);
            FuzzSupport.assertInside(source, block.openingFence(), block);
            for (int i = 0; i < block.lineCount(); i++) {
                String line = block.lines().get(i);
                int offset = block.fileOffset(i, 0);
                assertThat(parsedText.startsWith(line, offset))
                        .as("line %d of %s (%s) is the file text at offset %d", i, block, line, offset).isTrue();
                assertThat(block.fileLine(i)).as("file line of line %d of %s", i, block).isEqualTo(source.lineOf(offset));
                FuzzSupport.assertInside(source, block.lineRange(i), block);
            }
        }
    }

    private static void checkLineTable(SourceFile source) {
        String text = source.text();
        for (int line = 1; line <= source.lineCount(); line++) {
            int start = source.lineStart(line);
            assertThat(source.position(start)).as("start of line %d", line).isEqualTo(new Position(line, 1, start));
            assertThat(source.lineContentEnd(line)).as("end of line %d", line).isBetween(start, text.length());
            String content = source.lineText(line);
            assertThat(content).as("line %d holds no terminator", line).doesNotContain("\n", "\r");
            assertThat(source.offset(line, content.length() + 1)).isEqualTo(source.lineContentEnd(line));
        }
        for (int offset = 0; offset <= text.length(); offset++) {
            Position position = source.position(offset);
            assertThat(source.offset(position.line(), position.column())).as("round trip of offset %d", offset)
                    .isEqualTo(offset);
        }
    }
}
