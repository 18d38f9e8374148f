package io.opsdoc.cli;

import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.SourceLoader;
import io.opsdoc.core.engine.Suppressor;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that lint files (check, fix, baseline). */
public final class LintOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Markdown files or folders to check (folders recursively). Default: the current folder.")
    List<Path> paths = List.of();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Files checked in parallel. Default: number of processors.")
    Integer jobs;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file instead of looking for .opsdoc.yml files (see 'opsdoc config --print').")
    Path config;

    @Option(names = "--max-file-size", paramLabel = "MB", defaultValue = "8",
            description = "Skip files larger than this many megabytes (default: ${DEFAULT-VALUE}).")
    long maxFileSizeMb;

    public List<Path> pathsOrDefault() {
        return paths.isEmpty() ? List.of(Path.of(".")) : paths;
    }

    public int jobs() {
        if (jobs != null && jobs < 1) {
            throw new UserException("--jobs must be at least 1");
        }
        return jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    }

    public Linter linter(RuleRegistry registry, ConfigProvider configs, Suppressor suppressor) {
        if (maxFileSizeMb < 1) {
            throw new UserException("--max-file-size must be at least 1 (megabytes)");
        }
        return new Linter(registry, configs, suppressor, jobs(), Path.of("").toAbsolutePath(),
                Math.min(maxFileSizeMb, 1024) * 1024 * 1024);
    }

    /** A linter configured from .opsdoc.yml files (or --config), with their custom rules and inline suppressions. */
    public Linter linter(RuleRegistry registry) {
        ConfigCommand.Setup setup = ConfigCommand.setup(registry, Path.of("").toAbsolutePath(),
                java.util.Optional.ofNullable(config), pathsOrDefault());
        return linter(setup.registry(), setup.provider(), setup.suppressor());
    }

    /** A linter with built-in defaults only: no configuration files, no suppressions. */
    public Linter unconfiguredLinter(RuleRegistry registry) {
        return linter(registry, ConfigProvider.of(Config.defaults()), Suppressor.NONE);
    }

    static long defaultMaxBytes() {
        return SourceLoader.DEFAULT_MAX_BYTES;
    }
}
