package io.opsdoc.cli;

/** Process exit codes, documented in the README and in --help. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
