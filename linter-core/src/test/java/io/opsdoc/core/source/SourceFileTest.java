package io.opsdoc.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceFileTest {
    @Test
    void positionsAreOneBasedWithUtf16Columns() {
        SourceFile file = SourceFile.ofText("a.md", "ab\n\uD83D\uDE80x\n");
        assertThat(file.position(0)).isEqualTo(new Position(1, 1, 0));
        assertThat(file.position(3)).isEqualTo(new Position(2, 1, 3));
        // The rocket emoji is two UTF-16 code units, so 'x' is in column 3.
        assertThat(file.position(5)).isEqualTo(new Position(2, 3, 5));
        assertThat(file.lineCount()).isEqualTo(2);
    }

    @Test
    void bomIsStrippedAndRemembered() {
        SourceFile file = SourceFile.ofText("a.md", "\uFEFF# Title\n");
        assertThat(file.hasBom()).isTrue();
        assertThat(file.text()).isEqualTo("# Title\n");
        assertThat(file.position(2).column()).isEqualTo(3);
    }

    @Test
    void crlfAndLoneCrEndLines() {
        SourceFile crlf = SourceFile.ofText("a.md", "a\r\nbc\r\nd");
        assertThat(crlf.lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(crlf.lineText(2)).isEqualTo("bc");
        assertThat(crlf.position(crlf.text().indexOf('d'))).isEqualTo(new Position(3, 1, 7));
        SourceFile cr = SourceFile.ofText("a.md", "a\rb");
        assertThat(cr.lineCount()).isEqualTo(2);
        assertThat(cr.lineText(2)).isEqualTo("b");
    }

    @Test
    void tabsCountAsOneColumn() {
        SourceFile file = SourceFile.ofText("a.md", "\tkey: v\n");
        assertThat(file.position(1).column()).isEqualTo(2);
    }

    @Test
    void offsetOfLineAndColumnRoundTrips() {
        SourceFile file = SourceFile.ofText("a.md", "one\ntwo\nthree\n");
        int offset = file.offset(3, 2);
        assertThat(file.text().charAt(offset)).isEqualTo('h');
        assertThat(file.position(offset)).isEqualTo(new Position(3, 2, offset));
    }
}
