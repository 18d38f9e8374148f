package io.opsdoc.core.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.fuzz.FuzzSupport;

/**
 * Fuzz target for the HCL parser (docs/fuzzing.md). Properties: {@link HclParser#parse} never
 * throws and never falls back to its internal-error guard, every range of the tree and of the
 * diagnostics lies inside the text with line/column matching the offset, and it finishes in time.
 * Seeds and regression inputs: src/test/resources/io/opsdoc/core/hcl/HclParserFuzzTestInputs/parse/.
 */
class HclParserFuzzTest {

    static {
        // Load and JIT the code once, so that the time limit measures each input and not start-up.
        HclParser.parse("resource \"a\" \"b\" {\n  x = [for s in var.l : upper(s)]\n}\n");
    }
    @FuzzTest
    void parse(byte[] input) {
        String text = FuzzSupport.text(input);
        HclParseResult result = FuzzSupport.withinTime("parse HCL", () -> HclParser.parse(text));

        for (HclDiagnostic error : result.errors()) {
            assertThat(error.message()).as("a syntax error, not a parser bug").doesNotStartWith("Internal parser error");
            assertRange(text, error.range(), error);
        }
        FuzzSupport.visitRecords(result.body(), node -> {
            if (node instanceof HclRange range) {
                assertRange(text, range, range);
            }
        });
    }

    private static void assertRange(String text, HclRange range, Object owner) {
        assertPos(text, range.start(), owner);
        assertPos(text, range.end(), owner);
        assertThat(range.start().offset()).as("start before end in %s", owner).isLessThanOrEqualTo(range.end().offset());
    }

    /** Line and column (0-based) must be those of the offset; HCL ends lines at LF only (CRLF ends in LF). */
    private static void assertPos(String text, HclPos pos, Object owner) {
        assertThat(pos.offset()).as("offset in %s", owner).isBetween(0, text.length());
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < pos.offset(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        assertThat(pos).as("line/column of %s", owner).isEqualTo(new HclPos(pos.offset(), line, pos.offset() - lineStart));
    }
}
