package io.opsdoc.core.config;

import java.nio.file.Path;

/** Gives the effective configuration for each file (cascading configurations live behind this). */
public interface ConfigProvider {
    Config configFor(Path file);

    static ConfigProvider of(Config config) {
        return file -> config;
    }
}
