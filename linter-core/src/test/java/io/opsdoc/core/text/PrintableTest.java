package io.opsdoc.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersBecomeEscapes() {
        assertThat(Printable.escape("a\nb\r\nc\td\u001b[31m")).isEqualTo("a\\nb\\r\\nc\\td\\e[31m");
        assertThat(Printable.escape("x\u0000y\u007fz\u0085\u2028")).isEqualTo("x\\u0000y\\u007fz\\u0085\\u2028");
    }

    @Test
    void printableTextIsReturnedAsIs() {
        String text = "unknown rule 'markdown/x' – ünïcödé 😀 \\n stays";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.escape("")).isEmpty();
    }

    @Test
    void noLineOfAnEscapedTextStartsACommand() {
        String forged = "X\n::error file=README.md,line=1::Build passed\r::warning::x";
        assertThat(Printable.escape(forged).lines().toList()).hasSize(1);
    }
}
