package io.opsdoc.core.fix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unified diff (the format of {@code diff -u} and {@code git diff}) between two texts, computed
 * with Myers' shortest-edit-script algorithm up to a bounded cost and a linear alignment past it,
 * so memory stays linear in the size of the texts. Lines are compared without their terminators,
 * so a CRLF file diffs like an LF one; output lines end with {@code \n}. Parts of lines named by
 * a {@link LineMask} (secrets) are hidden in the output; they still take part in the comparison.
 */
public final class UnifiedDiff {
    /** Lines of unchanged text shown around each change, as {@code diff -u} does. */
    public static final int CONTEXT = 3;
    /** Header name of the missing side when a file is created or deleted. */
    public static final String DEV_NULL = "/dev/null";

    /**
     * Edits up to which the middle of a diff gets a shortest edit script. Fixes of a normal
     * document need a few dozen; the cap keeps time and memory bounded on huge documents.
     */
    static final int MAX_MYERS_COST = 1000;

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    private UnifiedDiff() {
    }

    private enum Op { EQUAL, DELETE, INSERT }

    /** One step of the edit script: an index into the old (delete/equal) or new (insert) lines. */
    private record Step(Op op, int oldIndex, int newIndex) {
    }

    /**
     * The diff from {@code before} (named {@code oldName}) to {@code after}; empty when the texts
     * have the same lines and the same final newline. A leading BOM is ignored.
     */
    public static String diff(String oldName, String newName, String before, String after) {
        return diff(oldName, newName, before, after, LineMask.NONE, LineMask.NONE);
    }

    /**
     * As {@link #diff(String, String, String, String)}, hiding what {@code oldMask} names in lines of
     * {@code before} and what {@code newMask} names in lines of {@code after}; an unchanged line is
     * hidden where either mask names it.
     */
    public static String diff(String oldName, String newName, String before, String after, LineMask oldMask,
            LineMask newMask) {
        return diff(oldName, newName, before, after, oldMask, newMask, MAX_MYERS_COST);
    }

    /** With the Myers cost cap as a parameter, so tests can reach the linear alignment on small texts. */
    static String diff(String oldName, String newName, String before, String after, LineMask oldMask,
            LineMask newMask, int maxMyersCost) {
        String a = stripBom(before);
        String b = stripBom(after);
        List<String> oldLines = lines(a);
        List<String> newLines = lines(b);
        boolean oldEol = endsWithNewline(a);
        boolean newEol = endsWithNewline(b);
        if (oldLines.equals(newLines) && (oldEol == newEol || oldLines.isEmpty())) {
            return "";
        }
        // A last line without a line break differs from the same text with one, as in diff -u.
        List<Step> script = script(keys(oldLines, oldEol), keys(newLines, newEol), maxMyersCost);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op() == Op.EQUAL) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = lastChangeOfHunk(script, i);
            int stop = Math.min(script.size(), end + 1 + CONTEXT);
            appendHunk(out, script.subList(start, stop), oldLines, newLines, oldEol, newEol, oldMask, newMask);
            i = stop;
        }
        return out.toString();
    }

    /** Index of the last change that belongs to the hunk starting with the change at {@code first}. */
    private static int lastChangeOfHunk(List<Step> script, int first) {
        int last = first;
        int equalRun = 0;
        for (int j = first + 1; j < script.size(); j++) {
            if (script.get(j).op() == Op.EQUAL) {
                equalRun++;
                if (equalRun > 2 * CONTEXT) {
                    break;
                }
            } else {
                last = j;
                equalRun = 0;
            }
        }
        return last;
    }

    private static void appendHunk(StringBuilder out, List<Step> hunk, List<String> oldLines, List<String> newLines,
            boolean oldEol, boolean newEol, LineMask oldMask, LineMask newMask) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        int oldBefore = 0;
        int newBefore = 0;
        for (Step step : hunk) {
            if (step.op() != Op.INSERT) {
                if (oldStart < 0) {
                    oldStart = step.oldIndex();
                }
                oldCount++;
            }
            if (step.op() != Op.DELETE) {
                if (newStart < 0) {
                    newStart = step.newIndex();
                }
                newCount++;
            }
        }
        Step first = hunk.get(0);
        oldBefore = first.oldIndex();
        newBefore = first.newIndex();
        out.append("@@ -").append(range(oldStart < 0 ? oldBefore : oldStart, oldCount))
                .append(" +").append(range(newStart < 0 ? newBefore : newStart, newCount)).append(" @@\n");
        for (Step step : hunk) {
            switch (step.op()) {
                case EQUAL -> line(out, ' ', LineMask.show(oldLines.get(step.oldIndex()), oldMask, step.oldIndex() + 1,
                        newMask, step.newIndex() + 1), step.oldIndex() == oldLines.size() - 1 && !(oldEol && newEol));
                case DELETE -> line(out, '-', LineMask.show(oldLines.get(step.oldIndex()), oldMask, step.oldIndex() + 1,
                        LineMask.NONE, 0), step.oldIndex() == oldLines.size() - 1 && !oldEol);
                case INSERT -> line(out, '+', LineMask.show(newLines.get(step.newIndex()), newMask, step.newIndex() + 1,
                        LineMask.NONE, 0), step.newIndex() == newLines.size() - 1 && !newEol);
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void line(StringBuilder out, char mark, String text, boolean lastWithoutEol) {
        out.append(mark).append(text).append('\n');
        if (lastWithoutEol) {
            out.append(NO_NEWLINE);
        }
    }

    /** {@code start,count} with a 1-based start; an empty range names the line before it, as GNU diff does. */
    private static String range(int start0, int count) {
        if (count == 0) {
            return start0 + ",0";
        }
        return count == 1 ? String.valueOf(start0 + 1) : (start0 + 1) + "," + count;
    }

    private static List<String> keys(List<String> lines, boolean endsWithNewline) {
        if (endsWithNewline || lines.isEmpty()) {
            return lines;
        }
        List<String> keys = new ArrayList<>(lines);
        keys.set(keys.size() - 1, keys.get(keys.size() - 1) + "\u0000no-eol");
        return keys;
    }

    /**
     * The edit script between {@code a} and {@code b}. The common head and tail are matched
     * directly; the middle gets Myers' shortest edit script while it stays within
     * {@link #MAX_MYERS_COST} edits. Past that (a large document with many fixes) the middle is
     * aligned in one linear pass instead: the new text of a fix keeps every old line in order,
     * unchanged or retagged, so matching each old line to the next new line that keeps it is a
     * valid (if not always shortest) script. Memory is linear in the size of the texts, plus
     * O(MAX_MYERS_COST^2) for the Myers trace; time is O((N + M) * MAX_MYERS_COST) at worst.
     */
    private static List<Step> script(List<String> a, List<String> b, int maxMyersCost) {
        int[] x = new int[a.size()];
        int[] y = new int[b.size()];
        intern(a, b, x, y);
        int head = 0;
        while (head < x.length && head < y.length && x[head] == y[head]) {
            head++;
        }
        int tail = 0;
        while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] == y[y.length - 1 - tail]) {
            tail++;
        }
        List<Step> steps = new ArrayList<>(Math.max(x.length, y.length) + 16);
        for (int i = 0; i < head; i++) {
            steps.add(new Step(Op.EQUAL, i, i));
        }
        int aEnd = x.length - tail;
        int bEnd = y.length - tail;
        if (!myers(x, head, aEnd, y, head, bEnd, maxMyersCost, steps)) {
            align(a, b, x, head, aEnd, y, head, bEnd, steps);
        }
        for (int i = 0; i < tail; i++) {
            steps.add(new Step(Op.EQUAL, aEnd + i, bEnd + i));
        }
        return steps;
    }

    /** Replaces each line by a number, equal for equal lines, so the searches compare ints. */
    private static void intern(List<String> a, List<String> b, int[] x, int[] y) {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            x[i] = ids.computeIfAbsent(a.get(i), k -> ids.size());
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = ids.computeIfAbsent(b.get(i), k -> ids.size());
        }
    }

    /**
     * Myers' greedy forward search over {@code x[aStart..aEnd)} and {@code y[bStart..bEnd)}. Each
     * round keeps only the part of the frontier it can have reached (diagonals -d..d), so the trace
     * is O(D^2) rather than O(D * (N + M)). Appends the steps and returns true, or returns false
     * without appending when more than {@code maxCost} edits are needed.
     */
    private static boolean myers(int[] x, int aStart, int aEnd, int[] y, int bStart, int bEnd, int maxCost,
            List<Step> steps) {
        int n = aEnd - aStart;
        int m = bEnd - bStart;
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            if (d > maxCost) {
                return false;
            }
            trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int col;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    col = v[offset + k + 1];
                } else {
                    col = v[offset + k - 1] + 1;
                }
                int row = col - k;
                while (col < n && row < m && x[aStart + col] == y[bStart + row]) {
                    col++;
                    row++;
                }
                v[offset + k] = col;
                if (col >= n && row >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Step> reversed = new ArrayList<>();
        int col = n;
        int row = m;
        for (int d = found; d >= 0; d--) {
            int[] frontier = trace.get(d);
            int k = col - row;
            int prevK;
            if (k == -d || (k != d && frontier[k - 1 + d] < frontier[k + 1 + d])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevCol = d == 0 ? 0 : frontier[prevK + d];
            int prevRow = prevCol - prevK;
            while (col > prevCol && row > prevRow) {
                col--;
                row--;
                reversed.add(new Step(Op.EQUAL, aStart + col, bStart + row));
            }
            if (d > 0) {
                if (col == prevCol) {
                    reversed.add(new Step(Op.INSERT, aStart + col, bStart + prevRow));
                } else {
                    reversed.add(new Step(Op.DELETE, aStart + prevCol, bStart + row));
                }
            }
            col = prevCol;
            row = prevRow;
        }
        for (int i = reversed.size() - 1; i >= 0; i--) {
            steps.add(reversed.get(i));
        }
        return true;
    }

    /**
     * One linear pass for the middle of a large diff: each old line is matched to the next new
     * line that keeps it (equal, or a bare fence given a language tag, see {@link FixSafety#keeps});
     * new lines in between are insertions. When the texts are not related that way (not the
     * output of a fix), the whole middle is shown as removed and added, which is still a correct diff.
     */
    private static void align(List<String> a, List<String> b, int[] x, int aStart, int aEnd, int[] y, int bStart,
            int bEnd, List<Step> steps) {
        int[] match = new int[aEnd - aStart];
        int j = bStart;
        for (int i = aStart; i < aEnd; i++) {
            while (j < bEnd && x[i] != y[j] && !FixSafety.keeps(a.get(i), b.get(j))) {
                j++;
            }
            if (j == bEnd) {
                for (int del = aStart; del < aEnd; del++) {
                    steps.add(new Step(Op.DELETE, del, bStart));
                }
                for (int ins = bStart; ins < bEnd; ins++) {
                    steps.add(new Step(Op.INSERT, aEnd, ins));
                }
                return;
            }
            match[i - aStart] = j++;
        }
        int next = bStart;
        for (int i = aStart; i < aEnd; i++) {
            int to = match[i - aStart];
            for (; next < to; next++) {
                steps.add(new Step(Op.INSERT, i, next));
            }
            if (x[i] == y[to]) {
                steps.add(new Step(Op.EQUAL, i, to));
            } else {
                steps.add(new Step(Op.DELETE, i, to));
                steps.add(new Step(Op.INSERT, i + 1, to));
            }
            next = to + 1;
        }
        for (; next < bEnd; next++) {
            steps.add(new Step(Op.INSERT, aEnd, next));
        }
    }

    /** Lines without terminators ({@code \r\n}, {@code \n} or {@code \r}); a final terminator opens no line. */
    static List<String> lines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                result.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            result.add(text.substring(start));
        }
        return result;
    }

    static boolean endsWithNewline(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** For tests: the lines a diff marks as added ({@code +}), headers excluded. */
    static List<String> added(String diff) {
        return Arrays.stream(diff.split("\n")).filter(l -> l.startsWith("+") && !l.startsWith("+++ ")).map(l -> l.substring(1))
                .toList();
    }
}
