package io.opsdoc.core;

/** The failure of work done on another thread, as that work would have thrown it on this one. */
public final class Failures {
    private Failures() {
    }

    /**
     * {@code cause} (of an {@code ExecutionException} or {@code CompletionException}) to throw
     * here: an unchecked exception as itself, an {@link Error} thrown right away, a checked
     * exception wrapped in an {@link IllegalStateException}.
     */
    public static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}
