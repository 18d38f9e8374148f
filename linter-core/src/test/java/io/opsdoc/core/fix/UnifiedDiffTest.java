package io.opsdoc.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedDiffTest {
    @Test
    void equalTextsGiveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
        assertThat(UnifiedDiff.diff("a", "b", "x\r\ny\r\n", "x\ny\n")).as("line endings are not content").isEmpty();
    }

    @Test
    void insertionWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String after = "1\n2\n3\n4\n5\nnew\n6\n7\n8\n9\n10\n";
        assertThat(UnifiedDiff.diff("docs/a.md", "docs/a.md", before, after)).isEqualTo("""
                --- docs/a.md
                +++ docs/a.md
                @@ -3,6 +3,7 @@
                 3
                 4
                 5
                +new
                 6
                 7
                 8
                """);
    }

    @Test
    void distantChangesGetSeparateHunksAndRetagShowsAsReplacement() {
        StringBuilder before = new StringBuilder("```\nkey: v\n```\n");
        for (int i = 1; i <= 12; i++) {
            before.append("line ").append(i).append('\n');
        }
        String after = before.toString().replaceFirst("```\n", "```yaml\n") + "## Added\n";
        String diff = UnifiedDiff.diff("f.md", "f.md", before.toString(), after);
        assertThat(diff).contains("@@ -1,4 +1,4 @@\n-```\n+```yaml\n key: v\n ```\n line 1\n");
        assertThat(diff).contains("@@ -13,3 +13,4 @@\n line 10\n line 11\n line 12\n+## Added\n");
    }

    @Test
    void createdFileDiffsAgainstDevNull() {
        assertThat(UnifiedDiff.diff(UnifiedDiff.DEV_NULL, "docs/new.md", "", "# Title\n\ntext\n")).isEqualTo("""
                --- /dev/null
                +++ docs/new.md
                @@ -0,0 +1,3 @@
                +# Title
                +
                +text
                """);
    }

    @Test
    void missingFinalNewlineIsMarked() {
        String diff = UnifiedDiff.diff("a", "a", "one\ntwo", "one\ntwo\nthree\n");
        assertThat(diff).isEqualTo("""
                --- a
                +++ a
                @@ -1,2 +1,3 @@
                 one
                -two
                \\ No newline at end of file
                +two
                +three
                """);
    }

    /**
     * Patching the old text with the diff gives the new text, for 300 pairs of generated texts
     * (three fixed seeds, so a failure names its seed and reproduces). Few distinct lines make
     * repeated lines, and so ambiguous alignments, likely.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 20_260_312, 7_919})
    void applyingTheDiffGivesTheNewText(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            List<String> before = lines(random);
            List<String> after = random.nextInt(5) == 0 ? new ArrayList<>(before) : lines(random);
            String a = String.join("\n", before) + (before.isEmpty() ? "" : "\n");
            String b = String.join("\n", after) + (after.isEmpty() ? "" : "\n");
            String diff = UnifiedDiff.diff("a", "b", a, b);
            if (before.equals(after)) {
                assertThat(diff).as("seed %d, case %d", seed, i).isEmpty();
            } else {
                assertThat(patch(before, diff)).as("seed %d, case %d:%n%s", seed, i, diff).isEqualTo(after);
            }
        }
    }

    private static final List<String> LINES = List.of("a", "b", "c", "", "```", "d e");

    private static List<String> lines(Random random) {
        int size = random.nextInt(26);
        List<String> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(LINES.get(random.nextInt(LINES.size())));
        }
        return lines;
    }

    /** A minimal unified-diff applier that also checks context and hunk headers. */
    private static List<String> patch(List<String> old, String diff) {
        List<String> result = new ArrayList<>();
        int oldIndex = 0;
        String[] lines = diff.split("\n", -1);
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("@@")) {
                String[] parts = line.split(" ");
                String[] oldRange = parts[1].substring(1).split(",");
                int start = Integer.parseInt(oldRange[0]);
                int count = oldRange.length > 1 ? Integer.parseInt(oldRange[1]) : 1;
                int target = count == 0 ? start : start - 1;
                while (oldIndex < target) {
                    result.add(old.get(oldIndex++));
                }
            } else if (line.startsWith(" ")) {
                assertThat(old.get(oldIndex)).isEqualTo(line.substring(1));
                result.add(old.get(oldIndex++));
            } else if (line.startsWith("-")) {
                assertThat(old.get(oldIndex)).isEqualTo(line.substring(1));
                oldIndex++;
            } else if (line.startsWith("+")) {
                result.add(line.substring(1));
            }
        }
        while (oldIndex < old.size()) {
            result.add(old.get(oldIndex++));
        }
        return result;
    }
}
