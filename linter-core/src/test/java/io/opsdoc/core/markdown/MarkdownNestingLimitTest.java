package io.opsdoc.core.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * flexmark's time grows with the square of a line's nesting and indentation inside lists: the
 * parser stops handing it containers past {@link MarkdownParser#MAX_NESTING} levels or
 * {@link MarkdownParser#MAX_LINE_PREFIX} characters, without moving any position.
 */
class MarkdownNestingLimitTest {
    private final MarkdownParser parser = new MarkdownParser();

    @Test
    void ordinaryNestingIsUntouched() {
        String text = "# Plan\n\n- a\n  - b\n    - c\n> > quote\n1. one\n   2) two\n";
        assertThat(MarkdownParser.firstTooDeepLine(text)).isZero();
        assertThat(MarkdownParser.limitNesting(text)).isSameAs(text);
        String deepButAllowed = "- ".repeat(MarkdownParser.MAX_NESTING) + "x\n";
        assertThat(MarkdownParser.firstTooDeepLine(deepButAllowed)).isZero();
    }

    @Test
    void findsTheFirstLineThatNestsOrIndentsTooFar() {
        assertThat(MarkdownParser.firstTooDeepLine("a\r\nb\n" + "> ".repeat(101) + "x\n")).isEqualTo(3);
        assertThat(MarkdownParser.firstTooDeepLine("a\rb\r\n\r" + "> ".repeat(101) + "x")).isEqualTo(4);
        assertThat(MarkdownParser.firstTooDeepLine("\r\n\n" + "- ".repeat(101) + "\r")).isEqualTo(3);
        assertThat(MarkdownParser.firstTooDeepLine("a\n- x\n" + " ".repeat(300) + "y\n")).isEqualTo(3);
        assertThat(MarkdownParser.firstTooDeepLine("1. ".repeat(101))).isEqualTo(1);
        // Text after a marker is not a marker: "- x - - - ..." nests once.
        assertThat(MarkdownParser.firstTooDeepLine("- x " + "- ".repeat(500))).isZero();
    }

    @Test
    void theLimitedTextKeepsItsLengthAndChangesOneCharacterPerLine() {
        String text = "# T\n" + "- ".repeat(1_000) + "x\n" + "> ".repeat(150) + "y\n";
        String limited = MarkdownParser.limitNesting(text);
        assertThat(limited).hasSameSizeAs(text);
        int changed = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != limited.charAt(i)) {
                changed++;
                assertThat(limited.charAt(i)).isEqualTo('\\');
            }
        }
        assertThat(changed).isEqualTo(2);
    }

    @Test
    void theParsedDocumentKnowsItsFirstTooDeepLine() {
        MarkdownParser parser = new MarkdownParser();
        String deep = "# T\r\ntext\n" + "> ".repeat(150) + "y\n" + "- ".repeat(150) + "z\n";

        assertThat(parser.parse(io.opsdoc.core.source.SourceFile.ofText("deep.md", deep)).firstTooDeepLine())
                .isEqualTo(MarkdownParser.firstTooDeepLine(deep)).isEqualTo(3);
        assertThat(parser.parse(io.opsdoc.core.source.SourceFile.ofText("flat.md", "# T\n- x\n")).firstTooDeepLine())
                .isZero();
    }

    @Test
    void linesEndAtCarriageReturnsToo() {
        String text = "a\r" + "> ".repeat(150) + "y\r\n" + "- ".repeat(150) + "z\rb";
        String limited = MarkdownParser.limitNesting(text);
        assertThat(limited).hasSameSizeAs(text);
        assertThat(limited.chars().filter(c -> c == '\\').count()).isEqualTo(2);
        assertThat(limited.indexOf('\\')).isGreaterThan(text.indexOf('\r')).isLessThan(text.indexOf("\r\n"));
        assertThat(limited.lastIndexOf('\\')).isGreaterThan(text.indexOf("\r\n")).isLessThan(text.lastIndexOf('\r'));
    }

    @Test
    @Timeout(20)
    void aLineOf100000ListMarkersParsesInSecondsWithPositionsKept() {
        String text = "# Title\n\n" + "- ".repeat(100_000) + "x\n\n## After\n";
        MarkdownDocument doc = parser.parse(SourceFile.ofText("doc.md", text));
        assertThat(doc.headings()).extracting(Heading::text).containsExactly("Title", "After");
        assertThat(doc.headings().get(1).range().start().line()).isEqualTo(5);
    }

    @Test
    @Timeout(20)
    void deepIndentationInsideAListParsesInSeconds() {
        String text = "- item\n" + " ".repeat(200_000) + "continued\n" + "-" + " ".repeat(200_000) + "x\n# End\n";
        MarkdownDocument doc = parser.parse(SourceFile.ofText("doc.md", text));
        assertThat(doc.headings()).extracting(Heading::text).containsExactly("End");
    }
}
