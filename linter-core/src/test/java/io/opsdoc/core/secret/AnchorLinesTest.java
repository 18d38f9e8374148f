package io.opsdoc.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.core.testing.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass anchor scan finds the same lines as searching each anchor on its own. */
class AnchorLinesTest {
    private static final List<List<String>> GROUPS = new ArrayList<>();

    static {
        SecretPatterns.shapes().forEach(s -> GROUPS.add(s.anchors()));
        SecretPatterns.maskShapes().forEach(s -> GROUPS.add(s.anchors()));
        GROUPS.add(List.of("ünï", "ü"));
        // One-character and ASCII-then-non-ASCII anchors: the next character cannot rule them out.
        GROUPS.add(List.of("q", "aé", "ab"));
    }

    private static final AnchorLines.Anchors ANCHORS = new AnchorLines.Anchors(GROUPS);

    private static void assertSameLines(String text) {
        AnchorLines found = AnchorLines.scan(text, ANCHORS);
        for (List<String> group : GROUPS) {
            assertThat(found.linesHolding(group)).as("%s in %s", group, text)
                    .isEqualTo(SecretPatterns.linesHolding(text, group));
        }
    }

    @Test
    void linesOfOverlappingRepeatedAndNonAsciiAnchors() {
        assertSameLines("");
        assertSameLines("AKIA\nASIAAKIA AKIA\n\nxoxb xox ghp_gho_\r\nünïü\nhooks.slack.com/ eyJeyJ");
        assertSameLines("no anchors at all\nhere");
        assertSameLines("\n\n\nAKIA");
        assertSameLines("AKI\nA github_pa\nt_");
        assertSameLines("q\naé ab a\nqq é aéb");
    }

    @Test
    void randomTextsBuiltFromAnchorPieces() {
        Random random = new Random(20261203);
        List<String> pieces = new ArrayList<>(List.of("\n", "\r\n", " ", "a", "x", "_", ".", "/", "-"));
        GROUPS.forEach(group -> group.forEach(anchor -> {
            pieces.add(anchor);
            pieces.add(anchor.substring(0, Math.max(1, anchor.length() / 2)));
        }));
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            assertSameLines(text.toString());
        }
    }

    @Test
    void onlyScannedAnchorsCanBeAskedFor() {
        assertThatThrownBy(() -> AnchorLines.scan("text", ANCHORS).linesHolding(List.of("not-an-anchor")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corpusFilesGiveTheSameLines() throws IOException {
        List<Path> files = SharedCorpus.markdownFiles();
        assumeTrue(!files.isEmpty(), "shared/corpus not found above the working directory");
        for (int i = 0; i < files.size(); i += 7) {
            assertSameLines(new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8));
        }
    }
}
