package io.opsdoc.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Line starts and the dominant line ending, read in one pass, agree with a plain reading of the text. */
class SourceFileLinesTest {
    /** Lines end at \n, \r\n or a lone \r; a terminator at the very end opens no line. */
    private static List<Integer> expectedStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\r\n", i)) {
                i++;
            } else if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                continue;
            }
            if (i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static LineEnding expectedEnding(String text) {
        int crlf = text.split("\r\n", -1).length - 1;
        String rest = text.replace("\r\n", "");
        int lf = rest.split("\n", -1).length - 1;
        int cr = rest.split("\r", -1).length - 1;
        return crlf > lf && crlf >= cr ? LineEnding.CRLF : cr > lf && cr > crlf ? LineEnding.CR : LineEnding.LF;
    }

    private static void assertLines(String text) {
        SourceFile source = SourceFile.ofText("a.md", text);
        List<Integer> starts = new ArrayList<>();
        for (int line = 1; line <= source.lineCount(); line++) {
            starts.add(source.lineStart(line));
        }
        assertThat(starts).as("%s", text.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(expectedStarts(text));
        assertThat(source.lineEnding()).as("%s", text.replace("\r", "\\r").replace("\n", "\\n"))
                .isEqualTo(expectedEnding(text));
    }

    @Test
    void mixedTerminators() {
        assertLines("");
        assertLines("a");
        assertLines("a\r\nb\r\nc\n");
        assertLines("\r\r\n\n");
        assertLines("a\rb\rc\r\nd");
        assertLines("\n\r");
    }

    @Test
    void randomTexts() {
        Random random = new Random(1203);
        String alphabet = "a\r\n";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertLines(text.toString());
        }
    }
}
