package io.opsdoc.core.config;

/** Where something was written in a configuration file (1-based line and column), for error messages. */
public record ConfigLocation(String file, int line, int column) {
    public ConfigException error(String problem) {
        return new ConfigException(this, problem);
    }
}
