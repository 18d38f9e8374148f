package io.opsdoc.core.secret;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The lines of a text that hold each of a fixed set of literal anchors, found in one pass over
 * the text. Searching each anchor with {@link String#indexOf} read a document once per anchor
 * (some thirty times for the credential shapes); this reads it once and compares anchors only
 * where a character that starts one occurs.
 */
final class AnchorLines {
    private static final int[] NONE = new int[0];

    /** The anchors to look for, and for each ASCII character the anchors that start with it. */
    static final class Anchors {
        private final List<String> anchors;
        /** The anchors' characters, compared in place (no call per candidate position). */
        private final char[][] chars;
        private final Map<String, Integer> indexes = new HashMap<>();
        private final int[][] byFirstChar = new int[128][];
        /**
         * Per ASCII first character, the ASCII characters that follow it in one of its anchors
         * (two 64-bit words each): most places where a common letter such as 'e' or 'g' starts
         * an anchor are ruled out by the next character, without trying each anchor.
         */
        private final long[] secondChars = new long[128 * 2];
        private final Map<Character, int[]> byOtherFirstChar = new HashMap<>();

        Anchors(List<List<String>> groups) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            groups.forEach(distinct::addAll);
            distinct.remove("");
            this.anchors = List.copyOf(distinct);
            this.chars = new char[anchors.size()][];
            for (int i = 0; i < anchors.size(); i++) {
                indexes.put(anchors.get(i), i);
                chars[i] = anchors.get(i).toCharArray();
                char first = anchors.get(i).charAt(0);
                if (first < 128) {
                    byFirstChar[first] = append(byFirstChar[first], i);
                    char second = chars[i].length > 1 ? chars[i][1] : 0;
                    if (chars[i].length == 1 || second >= 128) {
                        // Any next character may complete it (a non-ASCII one is never ruled out).
                        secondChars[first * 2] = -1L;
                        secondChars[first * 2 + 1] = -1L;
                    } else {
                        secondChars[first * 2 + (second >> 6)] |= 1L << (second & 63);
                    }
                } else {
                    byOtherFirstChar.merge(first, new int[] {i}, (a, b) -> append(a, b[0]));
                }
            }
        }

        int indexOf(String anchor) {
            return indexes.getOrDefault(anchor, -1);
        }

        private static int[] append(int[] values, int value) {
            int[] result = values == null ? new int[1] : Arrays.copyOf(values, values.length + 1);
            result[result.length - 1] = value;
            return result;
        }
    }

    private final Anchors anchors;
    /** Per anchor, the starts of the lines holding it, ascending and distinct (null: none). */
    private final int[][] lineStarts;

    private AnchorLines(Anchors anchors, int[][] lineStarts) {
        this.anchors = anchors;
        this.lineStarts = lineStarts;
    }

    /** Where each of {@code anchors} occurs in {@code text}, by line. */
    static AnchorLines scan(String text, Anchors anchors) {
        int[][] starts = new int[anchors.anchors.size()][];
        int[] counts = new int[starts.length];
        int lineStart = 0;
        // An array, not charAt: this loop runs once per character of every document, mostly in
        // code compiled by C1, which does not make charAt as cheap as an array read.
        char[] chars = text.toCharArray();
        int[][] byFirstChar = anchors.byFirstChar;
        long[] secondChars = anchors.secondChars;
        boolean otherFirstChars = !anchors.byOtherFirstChar.isEmpty();
        int last = chars.length - 1;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            int[] candidates;
            if (c < 128) {
                if (c == '\n') {
                    lineStart = i + 1;
                    continue;
                }
                candidates = byFirstChar[c];
                if (candidates != null && i < last) {
                    char next = chars[i + 1];
                    if (next < 128 && (secondChars[c * 2 + (next >> 6)] & (1L << (next & 63))) == 0) {
                        continue;
                    }
                }
            } else {
                candidates = otherFirstChars ? anchors.byOtherFirstChar.get(c) : null;
            }
            if (candidates == null) {
                continue;
            }
            for (int a : candidates) {
                if (occursAt(anchors.chars[a], chars, i)) {
                    int count = counts[a];
                    if (count > 0 && starts[a][count - 1] == lineStart) {
                        continue;
                    }
                    if (starts[a] == null) {
                        starts[a] = new int[4];
                    } else if (count == starts[a].length) {
                        starts[a] = Arrays.copyOf(starts[a], count * 2);
                    }
                    starts[a][count] = lineStart;
                    counts[a] = count + 1;
                }
            }
        }
        for (int a = 0; a < starts.length; a++) {
            if (starts[a] != null) {
                starts[a] = Arrays.copyOf(starts[a], counts[a]);
            }
        }
        return new AnchorLines(anchors, starts);
    }

    /** True when {@code anchor} occurs in {@code text} at {@code at} (its first character is known to match). */
    private static boolean occursAt(char[] anchor, char[] text, int at) {
        if (at + anchor.length > text.length) {
            return false;
        }
        for (int k = 1; k < anchor.length; k++) {
            if (text[at + k] != anchor[k]) {
                return false;
            }
        }
        return true;
    }

    /** Starts of the lines that hold one of {@code wanted} (all among the scanned anchors), ascending and distinct. */
    int[] linesHolding(List<String> wanted) {
        int[] merged = NONE;
        for (String anchor : wanted) {
            int index = anchors.indexOf(anchor);
            if (index < 0) {
                throw new IllegalArgumentException("not a scanned anchor: " + anchor);
            }
            int[] lines = lineStarts[index];
            if (lines != null) {
                merged = merged.length == 0 ? lines : union(merged, lines);
            }
        }
        return merged;
    }

    private static int[] union(int[] a, int[] b) {
        int[] result = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
            if (n == 0 || result[n - 1] != next) {
                result[n++] = next;
            }
        }
        return Arrays.copyOf(result, n);
    }
}
