package io.opsdoc.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void plainTextIsUnchanged() {
        String text = "docs/planning/cicd-pipeline.md: Größe — 100% \\n ok, ünïcödé 日本 😀";
        assertThat(Printable.escape(text)).isSameAs(text);
        assertThat(Printable.isSafe(text)).isTrue();
    }

    @Test
    void lineBreaksCannotStartANewLine() {
        String forged = "X\n::error file=README.md,line=1::Build passed";
        assertThat(Printable.escape(forged)).isEqualTo("X\\n::error file=README.md,line=1::Build passed")
                .doesNotContain("\n");
        assertThat(Printable.escape("a\r\nb\rc")).isEqualTo("a\\r\\nb\\rc");
    }

    @Test
    void namedEscapes() {
        assertThat(Printable.escape("\t\u001b[31mred")).isEqualTo("\\t\\e[31mred");
    }

    @Test
    void otherControlsAndSeparatorsAsUnicodeEscapes() {
        assertThat(Printable.escape("\u0000\u0007\u007f\u0085\u009b\u2028\u2029"))
                .isEqualTo("\\u0000\\u0007\\u007f\\u0085\\u009b\\u2028\\u2029");
        assertThat(Printable.escape("a\u202eb\u2066c")).isEqualTo("a\\u202eb\\u2066c");
    }

    @Test
    void noUnsafeCharacterSurvivesAnyInput() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }
        String escaped = Printable.escape(every.toString());
        for (int i = 0; i < escaped.length(); i++) {
            assertThat(Printable.isUnsafe(escaped.charAt(i))).as("char %d", (int) escaped.charAt(i)).isFalse();
        }
        assertThat(Printable.isSafe(escaped)).isTrue();
    }

    @Test
    void nullIsPrintedAsNull() {
        assertThat(Printable.escape(null)).isEqualTo("null");
    }
}
