package io.opsdoc.rules.configrules;

/**
 * Text for user-written regular expressions that gives up once a deadline passes: the regex
 * engine reads through {@link #charAt}, so a catastrophic pattern (nested quantifiers on
 * adversarial text) ends with {@link TooSlow} instead of hanging the run.
 */
final class BoundedText implements CharSequence {
    /** The pattern ran past its time budget. */
    static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("pattern took too long", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    BoundedText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        // Checking the clock on every read would slow ordinary patterns; every 4096 reads is enough.
        if ((++reads & 0xFFF) == 0 && System.nanoTime() > deadlineNanos) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
