package io.opsdoc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Timings;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When text output is coloured, and that colour never changes the clickable path:line:col. */
class TextReporterColourTest {
    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(TextReporter.colourWanted(false, Map.of(), true)).isTrue();
        assertThat(TextReporter.colourWanted(false, Map.of(), false)).isFalse();
        assertThat(TextReporter.colourWanted(true, Map.of(), true)).as("--output FILE").isFalse();
        assertThat(TextReporter.colourWanted(false, Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(TextReporter.colourWanted(false, Map.of("NO_COLOR", ""), true)).as("empty NO_COLOR is unset").isTrue();
        assertThat(TextReporter.colourWanted(false, Map.of("TERM", "dumb"), true)).isFalse();
        assertThat(TextReporter.colourWanted(false, Map.of("FORCE_COLOR", "1"), false)).isTrue();
        assertThat(TextReporter.colourWanted(false, Map.of("FORCE_COLOR", "0"), false)).isFalse();
        assertThat(TextReporter.colourWanted(false, Map.of("FORCE_COLOR", "1", "NO_COLOR", "1"), true)).isFalse();
    }

    @Test
    void colouredOutputKeepsTheLocationPlainAndTheTextIdentical() throws IOException {
        Range range = new Range(new Position(3, 7, 40), new Position(3, 12, 45));
        LintResult result = new LintResult(List.of(new Finding("github-actions/unpinned-action", Level.ERROR,
                "'actions/checkout@main' follows a branch", "docs/ci.md", range, Optional.empty(), List.of(), false,
                Optional.empty())), List.of(), Map.of(), List.of(), 1, new Timings(0, 0, 0, 0, 0, 0));
        String plain = render(result, false);
        String coloured = render(result, true);
        assertThat(plain).doesNotContain("\u001b[");
        assertThat(coloured).startsWith("docs/ci.md:3:7: \u001b[31merror\u001b[0m ")
                .contains("\u001b[2m[github-actions/unpinned-action]\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    private static String render(LintResult result, boolean colour) throws IOException {
        StringWriter out = new StringWriter();
        new TextReporter().write(result, new ReportContext(Path.of("").toAbsolutePath(), "0.1.0", Optional.empty(), colour), out);
        return out.toString();
    }
}
