package io.opsdoc.core.facts;

import java.util.Arrays;

/**
 * Text assembled from pieces of a file (and a few synthetic joiners such as table headers) that
 * remembers, for every character, the file offset it came from, so matches map back exactly.
 */
public final class MappedText {
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[16];
    /** {@link #text()} as last built; readers ask for it many times, so it is built once per change. */
    private String cached;

    /** Appends {@code piece}, which starts at {@code fileOffset} in the file. */
    public MappedText append(String piece, int fileOffset) {
        int at = reserve(piece.length());
        for (int i = 0; i < piece.length(); i++) {
            offsets[at + i] = fileOffset + i;
        }
        text.append(piece);
        return this;
    }

    /** Appends text that is not in the file (a header name, a separator). */
    public MappedText appendSynthetic(String piece) {
        int at = reserve(piece.length());
        Arrays.fill(offsets, at, at + piece.length(), -1);
        text.append(piece);
        return this;
    }

    /** Makes room for {@code n} more characters; returns the index of the first. */
    private int reserve(int n) {
        int at = text.length();
        if (at + n > offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(offsets.length * 2, at + n));
        }
        cached = null;
        return at;
    }

    public String text() {
        String s = cached;
        if (s == null) {
            s = text.toString();
            cached = s;
        }
        return s;
    }

    public int length() {
        return text.length();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    /** File offset of character {@code index}; a synthetic character maps to the next real one. */
    public int offset(int index) {
        for (int i = Math.max(0, index); i < text.length(); i++) {
            if (offsets[i] >= 0) {
                return offsets[i];
            }
        }
        for (int i = Math.min(index, text.length()) - 1; i >= 0; i--) {
            if (offsets[i] >= 0) {
                return offsets[i] + 1;
            }
        }
        return 0;
    }

    /** File offset just after character {@code endIndex - 1}. */
    public int endOffset(int endIndex) {
        for (int i = Math.min(endIndex, text.length()) - 1; i >= 0; i--) {
            if (offsets[i] >= 0) {
                return offsets[i] + 1;
            }
        }
        return offset(endIndex);
    }

    /** True when character {@code index} is in the file, false for synthetic joiners such as table headers. */
    public boolean inFile(int index) {
        return index >= 0 && index < text.length() && offsets[index] >= 0;
    }

    /** A slice as a new mapped text. */
    public MappedText slice(int from, int to) {
        MappedText result = new MappedText();
        if (to <= from) {
            return result;
        }
        result.offsets = Arrays.copyOfRange(offsets, from, to);
        result.text.append(text, from, to);
        return result;
    }
}
