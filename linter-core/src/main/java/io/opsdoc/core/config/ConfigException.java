package io.opsdoc.core.config;

import io.opsdoc.core.text.Printable;

/**
 * A configuration file that cannot be used: syntax error, unknown key, wrong type, unknown rule,
 * invalid regular expression. The message is one line: {@code file:line:column: problem}, control
 * characters escaped.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public ConfigException(String file, int line, int column, String problem) {
        // Escaped as a whole as well: a folder name or a parser message must not start a new line either.
        super(Printable.escape(file + ":" + line + ":" + column + ": " + problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = Printable.escape(problem);
    }

    public ConfigException(ConfigLocation at, String problem) {
        this(at.file(), at.line(), at.column(), problem);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
