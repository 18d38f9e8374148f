package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The command line a run gets ({@link Main#commandLine}): only the subcommand it names, which must
 * behave exactly as the whole command line ({@code new CommandLine(new Main())}) does.
 */
class MainTest {
    private record Output(int code, String out, String err) {
    }

    private static Output run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(commandLine, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Output(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandButHelpCanBeBuiltAlone() {
        Map<String, CommandLine> all = new CommandLine(new Main()).getSubcommands();
        assertThat(all).containsKeys("check", "fix", "baseline", "help");
        for (Map.Entry<String, CommandLine> entry : all.entrySet()) {
            Object alone = Main.subcommand(entry.getKey());
            if (entry.getKey().equals("help")) {
                assertThat(alone).isNull();
            } else {
                assertThat(alone).as(entry.getKey()).isNotNull()
                        .hasSameClassAs(entry.getValue().getCommandSpec().userObject());
            }
        }
        assertThat(Main.subcommand("chek")).isNull();
        assertThat(Main.subcommand("--help")).isNull();
    }

    @Test
    void aRunNamingASubcommandGetsOnlyThatOne() {
        assertThat(Main.commandLine(new String[] {"check", "plan.md"}).getSubcommands()).containsOnlyKeys("check");
        assertThat(Main.commandLine(new String[] {"explain"}).getSubcommands()).containsOnlyKeys("explain");
        CommandLine whole = new CommandLine(new Main());
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "check"},
                new String[] {"chek"}, new String[] {"-V"})) {
            assertThat(Main.commandLine(args).getSubcommands()).containsOnlyKeys(whole.getSubcommands().keySet());
        }
    }

    /** Help, version, usage errors and suggestions: the same text and exit code as with every subcommand. */
    @ParameterizedTest
    @ValueSource(strings = {"check --help", "check -h", "check --version", "check --formt x", "check -f",
        "check --fail-on bogus missing.md", "check --format yaml missing.md", "check --jobs", "fix --help",
        "fix --dry-run --bogus", "baseline --help", "baseline --output", "explain --help", "explain",
        "explain no/such-rule", "rules --help", "rules extra", "config --help", "config --bogus", "init --help",
        "init --type", "facts --help", "facts --format"})
    void aSubcommandAloneBehavesAsInTheWholeCommandLine(String line) {
        String[] args = line.split(" ");
        Output alone = run(Main.commandLine(args), args);
        Output whole = run(new CommandLine(new Main()), args);
        assertThat(alone).isEqualTo(whole);
        assertThat(alone.out() + alone.err()).isNotBlank();
    }

    /** Every subcommand's --version prints what the top-level one prints (it printed nothing). */
    @ParameterizedTest
    @ValueSource(strings = {"check", "fix", "baseline", "explain", "rules", "config", "init", "facts"})
    void everySubcommandPrintsTheVersion(String command) {
        Output top = run(new CommandLine(new Main()), "--version");
        assertThat(top.out()).startsWith("opsdoc ").contains("Java " + System.getProperty("java.version"));
        for (String option : List.of("--version", "-V")) {
            assertThat(run(Main.commandLine(new String[] {command, option}), command, option)).as(option).isEqualTo(top);
        }
    }

    /** The top-level help and the check help as they were before the command line was split. */
    @Test
    void helpTextIsUnchanged() throws IOException {
        assertThat(run(Main.commandLine(new String[] {"--help"}), "--help"))
                .isEqualTo(new Output(0, golden("opsdoc--help.txt"), ""));
        assertThat(run(Main.commandLine(new String[] {"check", "--help"}), "check", "--help"))
                .isEqualTo(new Output(0, golden("check--help.txt"), ""));
    }

    @Test
    void unknownCommandsAreSuggestedFromEverySubcommand() {
        Output output = run(Main.commandLine(new String[] {"chek"}), "chek");
        assertThat(output.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(output.err()).contains("Did you mean: opsdoc check or opsdoc help?");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream("help/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", System.lineSeparator());
        }
    }
}
