package io.opsdoc.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.fuzz.FuzzSupport;
import java.util.Optional;

/**
 * Fuzz target for reading a {@code .opsdoc.yml} from a string (docs/fuzzing.md). Properties: the
 * parser either returns a configuration or throws its documented {@link ConfigException}, never
 * anything else; the exception names the file and a line/column inside the text; it finishes in
 * time. Seeds and regression inputs:
 * src/test/resources/io/opsdoc/core/config/ConfigParserFuzzTestInputs/parse/.
 */
class ConfigParserFuzzTest {
    private static final String NAME = ".opsdoc.yml";

    static {
        // Load and JIT the code once, so that the time limit measures each input and not start-up.
        ConfigParser.parse("rules:\n  markdown/code-block-language: error\n", Optional.empty(), NAME, false, true);
    }

    @FuzzTest
    void parse(byte[] input) {
        String text = FuzzSupport.text(input);
        try {
            FuzzSupport.withinTime("parse the configuration", () -> ConfigParser.parse(text, Optional.empty(), NAME, false, true));
        } catch (ConfigException e) {
            assertThat(e.file()).isEqualTo(NAME);
            assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("\r");
            // YAML counts a BOM as a column and NEL, LS and PS as line breaks; bound the position
            // by the file's lines and its longest line rather than mapping it exactly.
            assertThat(e.line()).as("line of: %s", e.getMessage()).isBetween(1, lineBound(text));
            assertThat(e.column()).as("column of: %s", e.getMessage()).isBetween(1, text.length() + 2);
        }
    }

    private static int lineBound(String text) {
        int breaks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                breaks++;
            }
        }
        return breaks + 1;
    }
}
