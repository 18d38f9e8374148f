package io.opsdoc.cli;

/** Process exit codes, documented in the README and in --help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    /**
     * Something meant to be checked was not: a path that does not exist, an unreadable file, an
     * internal error on a file (even out of memory). The same code as {@link #USAGE}: the run
     * did not do what was asked, and must never pass as clean.
     */
    public static final int INCOMPLETE = 2;

    private ExitCodes() {
    }
}
