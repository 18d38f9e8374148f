package io.opsdoc.cli;

import io.opsdoc.core.text.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code opsdoc} command: the top-level command ({@link Opsdoc}) with every
 * subcommand, which is what {@code opsdoc --help} lists and what {@code new CommandLine(new Main())}
 * gives. A run that names a subcommand first gets a command line with that subcommand only (see
 * {@link #commandLine}).
 */
@Command(subcommands = {
            CheckCommand.class,
            RulesCommand.class,
            ExplainCommand.class,
            BaselineCommand.class,
            ConfigCommand.class,
            FixCommand.class,
            InitCommand.class,
            FactsCommand.class,
            CommandLine.HelpCommand.class})
public final class Main extends Opsdoc {
    /**
     * A new instance of the subcommand of {@link Main}'s annotation named {@code name}, or null:
     * also for {@code help}, which needs every subcommand. MainTest holds this to the annotation.
     * The lint commands start loading the rules at once (see {@link RulesPreload}).
     */
    static Object subcommand(String name) {
        return switch (name) {
            case "check" -> new CheckCommand(RulesPreload.start());
            case "rules" -> new RulesCommand();
            case "explain" -> new ExplainCommand();
            case "baseline" -> new BaselineCommand(RulesPreload.start());
            case "config" -> new ConfigCommand();
            case "fix" -> new FixCommand(RulesPreload.start());
            case "init" -> new InitCommand();
            case "facts" -> new FactsCommand();
            default -> null;
        };
    }

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
        return run(commandLine(args), args, out, rawErr);
    }

    /** Runs {@code args} on {@code commandLine} (its streams and handlers are set here). */
    static int run(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter rawErr) {
        PrintWriter err = new SafeErrorWriter(rawErr);
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

    /**
     * The command line for {@code args}. picocli reads the annotations of every subcommand it is
     * given (reflection, annotation proxies, option models): for {@code opsdoc check FILE} that was
     * a third of the time before the check began. When the first argument names a subcommand, the
     * run gets the top-level command with that subcommand only, which parses, helps and fails
     * exactly as the whole command line would (a subcommand's usage, errors and suggestions
     * involve only itself and its parent's name); anything else ({@code --help}, {@code help},
     * a misspelt command) gets every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        Object only = args.length == 0 || args[0] == null ? null : subcommand(args[0]);
        if (only == null) {
            return new CommandLine(new Main());
        }
        return new CommandLine(new Opsdoc()).addSubcommand(args[0], only);
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
}
