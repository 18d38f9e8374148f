package io.opsdoc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code opsdoc} command without subcommands: its name, help, version and footer.
 * {@link Main} adds every subcommand; {@link Main#commandLine} adds only the one a run names.
 * Not final: picocli merges the {@code @Command} of {@link Main} into this one.
 */
@Command(name = "opsdoc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lints DevOps planning documents: the CI/CD pipeline plan, the infrastructure-as-code plan,",
            "the monitoring strategy and the deployment strategy, and the YAML, HCL and JSON embedded in them.",
            ""},
        footer = {
            "",
            "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,",
            "  or a path or file that could not be checked.",
            "Memory: 'check', 'fix' and 'baseline' over more than 4 MB of Markdown run in a second JVM whose heap",
            "  (-Xmx) is sized from the Markdown to check, with the serial collector and the C1 compiler (they",
            "  cost less CPU and memory on such runs). A heap option of your own",
            "  (-Xmx, -XX:MaxRAMPercentage, ... on the java command line or in JAVA_TOOL_OPTIONS) or",
            "  OPSDOC_NO_RELAUNCH=1 keeps the run in the JVM you started.",
            "Examples:",
            "  opsdoc check docs/planning",
            "  opsdoc check . --format sarif --output opsdoc.sarif",
            "  opsdoc explain structure/required-section"})
public class Opsdoc implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Opsdoc() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
