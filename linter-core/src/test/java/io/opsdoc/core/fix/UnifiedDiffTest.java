package io.opsdoc.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
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

    @Test
    void aLargeFixDiffPastTheMyersCostIsStillCorrectAndQuick() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            for (String line : List.of("### Step " + i, "", "```", "apiVersion: v1", "```", "")) {
                before.add(line);
                after.add(line.equals("```") && after.size() > 0 && !after.get(after.size() - 1).equals("apiVersion: v1")
                        ? "```yaml" : line);
            }
            if (i % 100 == 0) {
                after.add("## Added " + i);
                after.add("");
            }
        }
        long start = System.nanoTime();
        String diff = UnifiedDiff.diff("a", "a", String.join("\n", before) + "\n", String.join("\n", after) + "\n");
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(20_000_000_000L);
        assertThat(patch(before, diff)).isEqualTo(after);
        assertThat(diff).contains("-```\n+```yaml\n apiVersion: v1\n");
        assertThat(UnifiedDiff.added(diff)).filteredOn(l -> l.startsWith("## Added")).hasSize(30);
    }

    /** Seeded: texts as fixes change them (lines added, bare fences tagged), diffed with the linear alignment. */
    @Test
    void theLinearAlignmentGivesACorrectDiffForFixLikeChanges() {
        java.util.Random random = new java.util.Random(12);
        List<String> pool = List.of("a", "b", "", "```", "~~~", "```yaml", "## S", "text");
        for (int run = 0; run < 500; run++) {
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            int size = random.nextInt(30);
            for (int i = 0; i < size; i++) {
                while (random.nextInt(4) == 0) {
                    after.add(pool.get(random.nextInt(pool.size())));
                }
                String line = pool.get(random.nextInt(pool.size()));
                before.add(line);
                after.add((line.equals("```") || line.equals("~~~")) && random.nextBoolean() ? line + "json" : line);
            }
            for (int cap : new int[] {0, 1, 3}) {
                String a = before.isEmpty() ? "" : String.join("\n", before) + "\n";
                String b = after.isEmpty() ? "" : String.join("\n", after) + "\n";
                String diff = UnifiedDiff.diff("a", "a", a, b, LineMask.NONE, LineMask.NONE, cap);
                if (before.equals(after)) {
                    assertThat(diff).isEmpty();
                } else {
                    assertThat(patch(before, diff)).as("run %d cap %d", run, cap).isEqualTo(after);
                }
            }
        }
    }

    @Test
    void unrelatedTextsPastTheMyersCostDiffAsAReplacement() {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (int i = 0; i < UnifiedDiff.MAX_MYERS_COST; i++) {
            before.add("old " + i);
            after.add("new " + i);
        }
        before.add("kept");
        after.add("kept");
        String diff = UnifiedDiff.diff("a", "a", String.join("\n", before) + "\n", String.join("\n", after) + "\n");
        assertThat(patch(before, diff)).isEqualTo(after);
    }

    @Test
    void maskedPartsAreHiddenOnEitherSideButStillCompared() {
        String before = "a\nkey: AKIAIOSFODNN7EXAMPLE\n```\nx\n";
        String after = "a\nkey: AKIAIOSFODNN7EXAMPLE\n```yaml\nx\ntoken=AKIAIOSFODNN7EXAMPLE\n";
        LineMask oldMask = LineMask.of(List.of(range(2, 6, 26)));
        LineMask newMask = LineMask.of(List.of(range(5, 7, 27)));
        String diff = UnifiedDiff.diff("a", "a", before, after, oldMask, newMask);
        assertThat(diff).doesNotContain("AKIA").contains(" key: ********\n").contains("+token=********\n")
                .contains("-```\n+```yaml\n");
        LineMask bothOnNewSide = LineMask.of(List.of(range(2, 6, 26), range(5, 7, 27)));
        assertThat(UnifiedDiff.diff("a", "a", before, after, LineMask.NONE, bothOnNewSide))
                .as("an unchanged line is hidden when either side names it").doesNotContain("key: AKIA");
        assertThat(LineMask.of(List.of(new Range(new Position(1, 3, 2), new Position(2, 2, 9))))
                .apply(1, "a secret")).isEqualTo("a ********");
        assertThat(LineMask.of(List.of(Range.of(new Position(3, 1, 20)))).apply(3, "whole line"))
                .as("an empty range hides its line").isEqualTo("********");
    }

    private static Range range(int line, int startColumn, int endColumn) {
        return new Range(new Position(line, startColumn, 100 * line + startColumn),
                new Position(line, endColumn, 100 * line + endColumn));
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
