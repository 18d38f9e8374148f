package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.engine.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void drawsInPlaceAtMostEveryTenthOfASecondAndErasesItselfAtTheEnd() {
        StringWriter buffer = new StringWriter();
        AtomicLong clock = new AtomicLong();
        ProgressLine line = new ProgressLine(new PrintWriter(buffer), clock::get);
        line.filesChecked(1, 200);
        line.filesChecked(2, 200);
        clock.addAndGet(200_000_000L);
        line.filesChecked(3, 200);
        line.filesChecked(200, 200);
        String out = buffer.toString();
        assertThat(out).contains("\ropsdoc: checked 1/200 files").contains("\ropsdoc: checked 3/200 files")
                .doesNotContain("2/200");
        assertThat(out).endsWith("\r" + " ".repeat("opsdoc: checked 1/200 files".length()) + "\r");
    }

    @Test
    void staysSilentForFewFilesAndOffTerminalsAndInCi() {
        StringWriter buffer = new StringWriter();
        new ProgressLine(new PrintWriter(buffer), () -> 0L).filesChecked(1, ProgressLine.MIN_FILES - 1);
        assertThat(buffer.toString()).isEmpty();
        PrintWriter err = new PrintWriter(new StringWriter());
        assertThat(ProgressLine.forTerminal(err, Map.of(), false)).isSameAs(Progress.NONE);
        assertThat(ProgressLine.forTerminal(err, Map.of("CI", "true"), true)).isSameAs(Progress.NONE);
        assertThat(ProgressLine.forTerminal(err, Map.of("NO_PROGRESS", "1"), true)).isSameAs(Progress.NONE);
        assertThat(ProgressLine.forTerminal(err, Map.of(), true)).isInstanceOf(ProgressLine.class);
    }
}
