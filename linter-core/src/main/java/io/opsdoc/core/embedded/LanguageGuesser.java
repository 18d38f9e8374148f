package io.opsdoc.core.embedded;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.promql.PromQlAnalysis;
import io.opsdoc.core.promql.PromQlParser;
import io.opsdoc.core.promql.PromQlResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Infers the language of an untagged code block from its content: for the fix of
 * {@code markdown/code-block-language}, and for {@link CodeBlock#effectiveLanguage()}, so rules
 * analyse an untagged workflow, manifest or rule file as the YAML it is. It answers only when the
 * signal is strong (the content parses, or every line is a known command); otherwise it says
 * nothing. The word lists live in {@code language-guesser.yaml}.
 *
 * <p>HCL counts only when it parses and holds a block; Terraform when a top-level block is one
 * of Terraform's (resource, module, variable, ...).
 */
public final class LanguageGuesser {
    private static final String RESOURCE = "language-guesser.yaml";
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+\\d+(?:,\\d+)? @@.*");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\\S*$");
    private static final Pattern YAML_KEY = Pattern.compile("[A-Za-z0-9_.\\-/$@]+");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");
    private static final Set<String> TERRAFORM_BLOCKS = Set.of("terraform", "provider", "resource", "data",
            "module", "variable", "output", "locals", "backend", "moved", "import", "check");
    private static final Set<String> SHELL_SYNTAX = Set.of("if", "then", "else", "elif", "fi", "for", "do", "done",
            "while", "until", "case", "esac", "function", "{", "}", "&&", "||", "|", "set", "local", "return", "exit",
            "trap", "eval", "exec", "test", "[", "[[", "true", "false", "alias", "unset", "shift", "read", "wait");

    /** What the guesser found: the tag to insert and a readable name for the message. */
    public record Guess(String tag, String label) {
    }

    private final Set<String> shellCommands;
    private final Set<String> dockerInstructions;
    private final Set<String> sqlStatements;
    private final Set<String> sqlConfirming;
    private final Set<String> mermaidDiagrams;

    private LanguageGuesser(Map<?, ?> data) {
        this.shellCommands = words(data.get("shell-commands"), false);
        this.dockerInstructions = words(data.get("dockerfile-instructions"), false);
        this.sqlStatements = words(data.get("sql-statements"), true);
        this.sqlConfirming = words(data.get("sql-confirming-words"), true);
        this.mermaidDiagrams = words(data.get("mermaid-diagrams"), false);
    }

    public static LanguageGuesser builtIn() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final LanguageGuesser INSTANCE = load();
    }

    private static LanguageGuesser load() {
        try (InputStream in = LanguageGuesser.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Object loaded = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(RESOURCE + " is not a mapping");
            }
            return new LanguageGuesser(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> words(Object value, boolean upperCase) {
        Set<String> result = new HashSet<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                String word = String.valueOf(item);
                result.add(upperCase ? word.toUpperCase(Locale.ROOT) : word);
            }
        }
        return Set.copyOf(result);
    }

    /** The language of {@code block}, or empty when no signal is strong enough to act on. */
    public Optional<Guess> guess(CodeBlock block) {
        List<String> significant = new ArrayList<>();
        for (String line : block.lines()) {
            if (!line.isBlank()) {
                significant.add(line.strip());
            }
        }
        if (significant.isEmpty()) {
            return Optional.empty();
        }
        if (mermaid(significant)) {
            return Optional.of(new Guess("mermaid", "a Mermaid diagram"));
        }
        if (diff(significant)) {
            return Optional.of(new Guess("diff", "a diff"));
        }
        if (significant.get(0).startsWith("$ ")) {
            return Optional.of(new Guess("console", "a shell session with prompts"));
        }
        if (dockerfile(significant)) {
            return Optional.of(new Guess("dockerfile", "a Dockerfile"));
        }
        char first = significant.get(0).charAt(0);
        if ((first == '{' || first == '[') && block.json().kind() == BlockKind.VALID) {
            return Optional.of(new Guess("json", "JSON"));
        }
        if (sql(significant)) {
            return Optional.of(new Guess("sql", "SQL"));
        }
        if (shell(significant)) {
            return Optional.of(new Guess("bash", "shell commands"));
        }
        Optional<Guess> hcl = hcl(block);
        if (hcl.isPresent()) {
            return hcl;
        }
        if (promql(block, significant)) {
            return Optional.of(new Guess("promql", "a PromQL expression"));
        }
        if (yaml(block)) {
            return Optional.of(new Guess("yaml", "YAML"));
        }
        return Optional.empty();
    }

    private boolean mermaid(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("%%") || line.equals("---")) {
                // Mermaid comments and front matter come before the diagram keyword.
                continue;
            }
            return mermaidDiagrams.contains(firstWord(line));
        }
        return false;
    }

    private static boolean diff(List<String> lines) {
        boolean minusHeader = false;
        for (String line : lines) {
            if (line.startsWith("diff --git ") || HUNK.matcher(line).matches()) {
                return true;
            }
            if (line.startsWith("--- ")) {
                minusHeader = true;
            } else if (minusHeader && line.startsWith("+++ ")) {
                return true;
            } else {
                minusHeader = false;
            }
        }
        return false;
    }

    private boolean dockerfile(List<String> lines) {
        boolean sawFrom = false;
        boolean continuation = false;
        for (String line : lines) {
            boolean continues = line.endsWith("\\");
            if (continuation || line.startsWith("#")) {
                continuation = continues;
                continue;
            }
            String word = firstWord(line);
            if (!dockerInstructions.contains(word)) {
                return false;
            }
            if (!sawFrom && !word.equals("FROM") && !word.equals("ARG")) {
                return false;
            }
            sawFrom |= word.equals("FROM");
            continuation = continues;
        }
        return sawFrom;
    }

    private boolean sql(List<String> lines) {
        String firstStatement = null;
        for (String line : lines) {
            if (!line.startsWith("--")) {
                firstStatement = line;
                break;
            }
        }
        if (firstStatement == null) {
            return false;
        }
        String word = firstWord(firstStatement).replace(";", "");
        String upper = word.toUpperCase(Locale.ROOT);
        if (!sqlStatements.contains(upper)) {
            return false;
        }
        // Upper-case keywords or a terminating ';' tell SQL from prose and from `set -e` in shell.
        boolean endsWithSemicolon = lines.get(lines.size() - 1).endsWith(";");
        if (!word.equals(upper) && !endsWithSemicolon) {
            return false;
        }
        for (String line : lines) {
            for (String token : line.split("[^A-Za-z_]+")) {
                if (sqlConfirming.contains(token.toUpperCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean shell(List<String> lines) {
        boolean known = false;
        boolean continuation = false;
        String heredocEnd = null;
        for (String line : lines) {
            if (heredocEnd != null) {
                if (line.equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            boolean continues = line.endsWith("\\");
            var heredoc = HEREDOC.matcher(line);
            if (heredoc.find()) {
                heredocEnd = heredoc.group(1);
            }
            if (continuation || line.startsWith("#")) {
                continuation = continues;
                continue;
            }
            continuation = continues;
            String command = commandWord(line);
            if (command.isEmpty() || SHELL_SYNTAX.contains(command) || command.startsWith("./")
                    || command.startsWith("/")) {
                continue;
            }
            if (!shellCommands.contains(command)) {
                return false;
            }
            known = true;
        }
        return known;
    }

    /** The command a shell line runs, past `sudo`, `time` and leading `VAR=value` assignments. */
    private static String commandWord(String line) {
        String[] words = WHITE_SPACE.split(line);
        int i = 0;
        while (i < words.length && (words[i].equals("sudo") || words[i].equals("time")
                || words[i].equals("export") && i + 1 < words.length && ASSIGNMENT.matcher(words[i + 1]).matches()
                || ASSIGNMENT.matcher(words[i]).matches() && i + 1 < words.length)) {
            i++;
        }
        if (i >= words.length) {
            return "";
        }
        String word = words[i];
        // A lone assignment (`REGION=eu-west-1`) is shell, but says nothing about which commands follow.
        return ASSIGNMENT.matcher(word).matches() ? "" : word;
    }

    /** HCL that parses and holds at least one block: attributes alone look like INI or shell too. */
    private static Optional<Guess> hcl(CodeBlock block) {
        // Every HCL block has a body in braces: without one, parsing cannot find a block.
        if (block.content().indexOf('{') < 0) {
            return Optional.empty();
        }
        var hcl = block.hcl();
        if (hcl.kind() != BlockKind.VALID || hcl.body().blocks().isEmpty()) {
            return Optional.empty();
        }
        boolean terraform = hcl.body().blocks().stream().anyMatch(b -> TERRAFORM_BLOCKS.contains(b.type()));
        return Optional.of(terraform ? new Guess("terraform", "Terraform") : new Guess("hcl", "HCL"));
    }

    /**
     * One PromQL expression that parses and selects a metric with a selector, range, call or
     * grouping: a lone word also parses as a metric name, so it is no signal.
     */
    private static boolean promql(CodeBlock block, List<String> lines) {
        String text = block.content().strip();
        if (text.length() > 2000 || lines.stream().anyMatch(l -> l.startsWith("#"))
                || !(text.contains("{") || text.contains("[") || text.contains("("))) {
            return false;
        }
        PromQlResult result = PromQlParser.parse(text);
        return result.ok() && !PromQlAnalysis.metricNames(result.expr().orElseThrow()).isEmpty();
    }

    /** Valid YAML whose documents are collections with identifier-like keys, not prose that happens to parse. */
    private static boolean yaml(CodeBlock block) {
        // Nesting needs a mapping, and YAML writes no mapping without ':' (block and flow pairs),
        // '{' (flow mappings, also "{a, b}") or '?' (explicit keys): most untagged blocks
        // (command output, prose) are not parsed at all.
        String content = block.content();
        if (content.indexOf(':') < 0 && content.indexOf('{') < 0 && content.indexOf('?') < 0) {
            return false;
        }
        var yaml = block.yaml();
        if (yaml.kind() != BlockKind.VALID || yaml.documents().isEmpty()) {
            return false;
        }
        // A flat `Word: text` list is as likely log output ("ERROR: page verification failed") as
        // YAML; only nesting is a strong signal.
        boolean structured = false;
        for (Node document : yaml.documents()) {
            if (YamlNodes.isScalar(document)) {
                return false;
            }
            if (YamlNodes.isSeq(document)) {
                if (YamlNodes.items(document).stream().noneMatch(YamlNodes::isMap)) {
                    // A plain list of words reads the same as a Markdown list: too weak a signal.
                    return false;
                }
                structured = true;
            }
            for (MappingNode mapping : YamlNodes.mappings(document)) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key && key.getScalarStyle() == ScalarStyle.PLAIN
                            && !YAML_KEY.matcher(key.getValue()).matches()) {
                        return false;
                    }
                    if (!YamlNodes.isScalar(tuple.getValueNode())) {
                        structured = true;
                    }
                }
            }
        }
        return structured;
    }

    private static String firstWord(String line) {
        String stripped = line.strip();
        int end = 0;
        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }
}
