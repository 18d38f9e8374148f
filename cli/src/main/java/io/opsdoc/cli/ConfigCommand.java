package io.opsdoc.cli;

import io.opsdoc.core.config.CascadingConfigProvider;
import io.opsdoc.core.config.ConfigException;
import io.opsdoc.core.config.ConfigLoader;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.Suppressor;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.suppress.InlineSuppressor;
import io.opsdoc.core.text.Printable;
import io.opsdoc.rules.configrules.ConfigRules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsdoc config --print [FILE]}: the configuration that applies to a file, after cascading and presets. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the effective configuration for a file or folder: which configuration files apply,",
            "every rule's level and options, document type mappings, types and ignored paths (YAML)."},
        footer = {"", "Configuration files: .opsdoc.yml (or .opsdoc.yaml) in the folder of a file and its parents up to the",
            "repository root (outside git: the folder given); a file in a sub-folder refines its parent. The output",
            "is a configuration file itself, usable with --config. See docs/configuration.md.",
            "Examples:", "  opsdoc config --print", "  opsdoc config --print docs/planning/cicd-pipeline.md"})
public final class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--print", required = true, description = "Print the effective configuration (YAML).")
    boolean print;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file instead of looking for .opsdoc.yml files.")
    Path config;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "The file (or folder) whose configuration to show. Default: the current folder.")
    Path file;

    /** The rule registry with the custom rules, the configuration provider and the suppressor for one run. */
    public record Setup(RuleRegistry registry, CascadingConfigProvider provider, Suppressor suppressor) {
    }

    /**
     * Reads every configuration that applies to {@code paths}, adds their custom rules to the
     * registry and validates everything, so a bad configuration stops the run before checking.
     */
    public static Setup setup(RuleRegistry builtIn, Path workingDirectory, Optional<Path> explicit, List<Path> paths) {
        try {
            ConfigLoader loader = ConfigLoader.discover(workingDirectory, explicit, paths);
            List<Rule> custom = ConfigRules.custom(loader.customRules());
            RuleRegistry registry = builtIn.with(custom);
            CascadingConfigProvider provider = new CascadingConfigProvider(loader,
                    registry.all().stream().map(Rule::meta).toList());
            for (Path path : paths) {
                provider.configFor(probe(workingDirectory.resolve(path)));
            }
            return new Setup(registry, provider, new InlineSuppressor(provider));
        } catch (ConfigException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** A path whose parent is the folder whose configuration applies to {@code path}. */
    private static Path probe(Path path) {
        return Files.isDirectory(path) ? path.resolve(".opsdoc-probe.md") : path;
    }

    @Override
    public Integer call() {
        Path cwd = Path.of("").toAbsolutePath();
        Path target = cwd.resolve(file == null ? Path.of(".") : file).normalize();
        Setup setup = setup(RuleRegistry.load(), cwd, Optional.ofNullable(config), List.of(target));
        Map<String, Object> effective;
        try {
            effective = setup.provider().effective(probe(target));
        } catch (ConfigException e) {
            throw new UserException(e.getMessage());
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build();
        PrintWriter out = spec.commandLine().getOut();
        // The output is itself a configuration file (for --config): the contributing files are a comment.
        Map<String, Object> body = new LinkedHashMap<>(effective);
        Object files = body.remove("files");
        out.println("# Effective opsdoc configuration for "
                + Printable.escape(file == null ? "." : file.toString().replace('\\', '/')));
        out.println("# From: " + (files instanceof List<?> list && !list.isEmpty()
                ? Printable.escape(list.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                : "no configuration file (defaults)"));
        out.println("# Usable with --config; paths in documents and ignore are relative to " + Printable.escape(cwd.toString())
                + ", so save it there.");
        out.print(new Dump(settings).dumpToString(body));
        out.flush();
        return ExitCodes.OK;
    }
}
