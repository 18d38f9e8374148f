package io.opsdoc.cli;

import io.opsdoc.core.text.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code opsdoc} command. */
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
            "  opsdoc explain structure/required-section"},
        subcommands = {
            CheckCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            BaselineCommand.class,
            ConfigCommand.class,
            FixCommand.class,
            InitCommand.class,
            FactsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // A large run goes to a JVM with a heap sized for it (see ChildJvm); its exit code is ours.
        Path cwd = Path.of("").toAbsolutePath();
        Optional<ChildJvm.Plan> child = ChildJvm.mayRelaunch(args, System.getenv(), cwd)
                ? ChildJvm.plan(args, ChildJvm.Launch.current(), cwd) : Optional.empty();
        if (child.isPresent()) {
            Optional<Integer> code = ChildJvm.run(child.get());
            if (code.isPresent()) {
                System.exit(code.get());
            }
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter rawErr) {
        PrintWriter err = new SafeErrorWriter(rawErr);
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((ex, cmdArgs) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("opsdoc: " + Printable.escape(ex.getMessage()));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            boolean user = ex instanceof UserException || ex instanceof io.opsdoc.core.config.ConfigException;
            cmd.getErr().println("opsdoc: " + Printable.escape(user ? ex.getMessage() : describe(ex)));
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        });
        int code;
        try {
            code = commandLine.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands Errors through; without this the user would see a stack trace and exit 1.
            err.println("opsdoc: " + describe(e));
            code = ExitCodes.INCOMPLETE;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof OutOfMemoryError) {
            return "internal error: out of memory (give Java more with -Xmx, or lower --max-file-size)";
        }
        if (ex instanceof StackOverflowError) {
            return "internal error: input nested too deeply";
        }
        String message = ex.getMessage();
        return "internal error: " + ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
