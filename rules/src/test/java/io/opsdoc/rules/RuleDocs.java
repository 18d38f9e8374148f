package io.opsdoc.rules;

import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the per-rule reference pages {@code docs/rules/FAMILY/NAME.md} and their index
 * {@code docs/rules/README.md} from the rules' metadata, so the pages can never drift from what
 * {@code opsdoc explain} prints. {@link RuleDocsTest} compares the checked-in pages with this output
 * and rewrites them when asked to (see {@link #REGENERATE}).
 *
 * <p>It lives in the rules module's test sources because it needs every built-in rule on the class
 * path and is a build-time tool, not a user command.
 */
final class RuleDocs {
    /** The one command that rewrites docs/rules from the metadata (run from the repository root). */
    static final String REGENERATE = "./mvnw -B -o -q -pl rules -am test -Dtest=RuleDocsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dopsdoc.writeRuleDocs=true";

    /** Folder of the generated pages, seen from the rules module (the tests' working directory). */
    static final Path DIR = Path.of("../docs/rules");

    private static final Pattern HOW_TO_FIX = Pattern.compile("(?im)^.*\\bhow to fix\\b.*$");
    private static final Pattern FENCE_OPEN = Pattern.compile("(?m)^( {0,3})(`{3,}|~{3,})[ \\t]*([^\\s`]*)[^\\n]*\\n");

    private RuleDocs() {
    }

    /** The corrected example of a help text: the first fenced block after its "How to fix" line. */
    record Example(String language, String body) {
    }

    static Optional<Example> correctedExample(String help) {
        Matcher how = HOW_TO_FIX.matcher(help);
        if (!how.find()) {
            return Optional.empty();
        }
        Matcher open = FENCE_OPEN.matcher(help);
        if (!open.find(how.end())) {
            return Optional.empty();
        }
        String fence = open.group(2);
        Pattern close = Pattern.compile("(?m)^ {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
                + ",}[ \\t]*$");
        Matcher end = close.matcher(help);
        if (!end.find(open.end())) {
            return Optional.empty();
        }
        return Optional.of(new Example(open.group(3).toLowerCase(java.util.Locale.ROOT),
                help.substring(open.end(), end.start())));
    }

    /** Relative path (with '/') to page text, the index included, in a stable order. */
    static Map<String, String> render(Collection<Rule> rules) {
        List<Rule> sorted = rules.stream().sorted(Comparator.comparing(Rule::id)).toList();
        Map<String, String> pages = new TreeMap<>();
        for (Rule rule : sorted) {
            pages.put(rule.id() + ".md", page(rule));
        }
        pages.put("README.md", index(sorted));
        return pages;
    }

    private static String page(Rule rule) {
        RuleMeta meta = rule.meta();
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- Generated from the rule's metadata; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        sb.append("# ").append(meta.id()).append("\n\n");
        sb.append(meta.description().strip()).append("\n\n");
        sb.append("| Property | Value |\n|---|---|\n");
        sb.append("| Default level | ").append(meta.defaultLevel().id()).append(" |\n");
        sb.append("| Fixable | ").append(meta.fixable() ? "yes (`opsdoc fix`)"
                : meta.suggests() ? "no; reports offer a suggested correction" : "no").append(" |\n");
        sb.append("| Scope | ").append(rule instanceof SetRule ? "planning set (the documents of one folder)"
                : "one document").append(" |\n");
        sb.append("| Applies to | ").append(cell(meta.appliesTo().describe())).append(" |\n");
        sb.append("| Tags | ").append(meta.tags().isEmpty() ? "none"
                : meta.tags().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "))).append(" |\n");
        if (meta.securitySeverity() != null) {
            sb.append("| Security severity | ").append(meta.securitySeverity()).append(" |\n");
        }
        sb.append("\n## Details\n\n").append(meta.help().strip()).append("\n\n");
        sb.append("## Messages\n\n");
        if (meta.messages().isEmpty()) {
            sb.append("This rule declares no messages.\n\n");
        } else {
            sb.append("Each finding carries one of these message ids (`messageId` in JSON and SARIF reports); `{0}`, `{1}`")
                    .append(" ... stand for the details of the finding.\n\n| Message id | Message |\n|---|---|\n");
            for (Message message : meta.messages()) {
                sb.append("| `").append(message.id()).append("` | ").append(cell(message.template())).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Options\n\n");
        if (meta.options().isEmpty()) {
            sb.append("This rule has no options.\n\n");
        } else {
            sb.append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
            for (OptionSpec<?> option : meta.options()) {
                sb.append("| `").append(option.name()).append("` | ").append(option.type().id()).append(" | ")
                        .append(cell(defaultValue(option.defaultValue()))).append(" | ")
                        .append(cell(option.description() + (option.requirement().isEmpty() ? ""
                                : " (" + option.requirement() + ")"))).append(" |\n");
            }
            sb.append('\n');
        }
        sb.append("## Configuration\n\n```yaml\n# .opsdoc.yml\nrules:\n  ").append(meta.id()).append(": ")
                .append(meta.defaultLevel().id()).append("   # off, note, warning or error\n");
        if (!meta.options().isEmpty()) {
            sb.append("  # with options:\n  # ").append(meta.id()).append(":\n  #   level: ")
                    .append(meta.defaultLevel().id()).append("\n  #   options:\n");
            for (OptionSpec<?> option : meta.options()) {
                sb.append("  #     ").append(option.name()).append(": ")
                        .append(yaml(option.defaultValue())).append('\n');
            }
        }
        sb.append("```\n\nSee also `opsdoc explain ").append(meta.id()).append("` and the [rule index](")
                .append("../README.md).\n");
        return sb.toString();
    }

    private static String index(List<Rule> rules) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!-- Generated from the rules' metadata; do not edit. Regenerate with:\n     ")
                .append(REGENERATE).append(" -->\n\n");
        sb.append("# Rules\n\n");
        sb.append("Every built-in rule of opsdoc, generated from the rules' metadata (the same text as ")
                .append("`opsdoc explain ID`). ").append(rules.size()).append(" rules; a rule's level and options ")
                .append("are set in `.opsdoc.yml` (see [configuration](../configuration.md)).\n");
        Map<String, List<Rule>> byFamily = new TreeMap<>();
        for (Rule rule : rules) {
            byFamily.computeIfAbsent(rule.meta().family(), f -> new ArrayList<>()).add(rule);
        }
        for (Map.Entry<String, List<Rule>> family : byFamily.entrySet()) {
            sb.append("\n## ").append(family.getKey()).append("\n\n");
            sb.append("| Rule | Level | Fixable | Scope | Description |\n|---|---|---|---|---|\n");
            for (Rule rule : family.getValue()) {
                RuleMeta meta = rule.meta();
                sb.append("| [").append(meta.id()).append("](").append(meta.id()).append(".md) | ")
                        .append(meta.defaultLevel().id()).append(" | ").append(meta.fixable() ? "yes" : "no")
                        .append(" | ").append(rule instanceof SetRule ? "set" : "document").append(" | ")
                        .append(cell(meta.description())).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String defaultValue(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Collection<?> list) {
            return list.isEmpty() ? "empty" : list.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "empty" : map.entrySet().stream().map(e -> "`" + e.getKey() + ": " + e.getValue() + "`")
                    .collect(Collectors.joining(", "));
        }
        return "`" + value + "`";
    }

    private static String yaml(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> quoted(String.valueOf(v))).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> quoted(String.valueOf(e.getKey())) + ": " + quoted(String.valueOf(e.getValue())))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String s) {
            return quoted(s);
        }
        return String.valueOf(value);
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Table cells hold one line and no unescaped pipe. */
    private static String cell(String text) {
        return text.strip().replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    /** Writes the pages into {@code dir}, deleting generated pages of rules that no longer exist. */
    static void write(Path dir, Map<String, String> pages) throws IOException {
        for (String stale : existing(dir)) {
            if (!pages.containsKey(stale)) {
                Files.delete(dir.resolve(stale));
            }
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve(page.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The Markdown files under {@code dir}, as relative paths with '/'. */
    static List<String> existing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".md")).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** {@code java ... io.opsdoc.rules.RuleDocs DIR}: the same as the regeneration command, into DIR. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : DIR.toString()), render(RuleRegistry.load().all()));
    }
}
