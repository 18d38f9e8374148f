package io.opsdoc.core.facts;

import java.util.Arrays;

/**
 * Text assembled from pieces of a file (and a few synthetic joiners such as table headers) that
 * remembers, for every character, the file offset it came from, so matches map back exactly.
 */
public final class MappedText {
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[64];

    /** Appends {@code piece}, which starts at {@code fileOffset} in the file. */
    public MappedText append(String piece, int fileOffset) {
        for (int i = 0; i < piece.length(); i++) {
            add(piece.charAt(i), fileOffset + i);
        }
        return this;
    }

    /** Appends text that is not in the file (a header name, a separator). */
    public MappedText appendSynthetic(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            add(piece.charAt(i), -1);
        }
        return this;
    }

    private void add(char c, int offset) {
        if (text.length() == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[text.length()] = offset;
        text.append(c);
    }

    public String text() {
        return text.toString();
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
        for (int i = from; i < to; i++) {
            result.add(text.charAt(i), offsets[i]);
        }
        return result;
    }
}
