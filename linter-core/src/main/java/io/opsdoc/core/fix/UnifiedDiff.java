package io.opsdoc.core.fix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff (the format of {@code diff -u} and {@code git diff}) between two texts, computed
 * with Myers' O((N+M)D) shortest-edit-script algorithm. Lines are compared without their
 * terminators, so a CRLF file diffs like an LF one; output lines end with {@code \n}.
 */
public final class UnifiedDiff {
    /** Lines of unchanged text shown around each change, as {@code diff -u} does. */
    public static final int CONTEXT = 3;
    /** Header name of the missing side when a file is created or deleted. */
    public static final String DEV_NULL = "/dev/null";

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
        List<Step> script = script(keys(oldLines, oldEol), keys(newLines, newEol));
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
            appendHunk(out, script.subList(start, stop), oldLines, newLines, oldEol, newEol);
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
            boolean oldEol, boolean newEol) {
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
                case EQUAL -> line(out, ' ', oldLines, step.oldIndex(), oldEol && newEol);
                case DELETE -> line(out, '-', oldLines, step.oldIndex(), oldEol);
                case INSERT -> line(out, '+', newLines, step.newIndex(), newEol);
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void line(StringBuilder out, char mark, List<String> lines, int index, boolean hasEol) {
        out.append(mark).append(lines.get(index)).append('\n');
        if (index == lines.size() - 1 && !hasEol) {
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
     * Myers' greedy forward search, keeping each round's frontier so the path can be traced back.
     * Memory is O(D * (N + M)), which is small for documents whose fixes add a few lines.
     */
    private static List<Step> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Step> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] frontier = trace.get(d);
            int k = x - y;
            int prevK;
            if (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])) {
                prevK = k + 1;
            } else {
                prevK = k - 1;
            }
            int prevX = d == 0 ? 0 : frontier[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Step(Op.EQUAL, x, y));
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new Step(Op.INSERT, x, prevY));
                } else {
                    reversed.add(new Step(Op.DELETE, prevX, y));
                }
            }
            x = prevX;
            y = prevY;
        }
        List<Step> steps = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            steps.add(reversed.get(i));
        }
        return steps;
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
