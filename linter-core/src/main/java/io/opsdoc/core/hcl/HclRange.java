package io.opsdoc.core.hcl;

/** A half-open source range {@code [start, end)}. */
public record HclRange(HclPos start, HclPos end) {

    /** Returns the source text covered by this range, clamped to the text bounds. */
    public String text(String originalText) {
        int from = Math.max(0, Math.min(start.offset(), originalText.length()));
        int to = Math.max(from, Math.min(end.offset(), originalText.length()));
        return originalText.substring(from, to);
    }
}
