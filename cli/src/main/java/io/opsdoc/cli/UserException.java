package io.opsdoc.cli;

/** An error caused by the user's input (bad option, bad configuration): printed as one line, exit code 2. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
