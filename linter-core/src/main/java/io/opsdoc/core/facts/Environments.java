package io.opsdoc.core.facts;

import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.ProseSegment;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The core environments (development, staging, production) a document names. In prose, tables
 * and headings every alias counts; in code only places that name an environment do
 * ({@code environment:} values, {@code deploy-staging} job ids, {@code --env prod},
 * {@code prod.tfvars}, {@code envs/prod}, {@code workspace select prod}), so that {@code /dev/null},
 * {@code --save-dev}, a GitLab {@code stage:} key or a runtime variable such as {@code NODE_ENV: test} in a CI
 * service container are not read as environments.
 */
public final class Environments {
    /** Aliases that are ordinary words elsewhere ("each stage", the "develop" branch) count in code contexts only. */
    private static final List<String> WEAK = List.of("stage", "develop");
    private static final Pattern LOCAL_BEFORE = Pattern.compile("(?i)(?<![\\p{L}])local\\s+$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final String CODE_CONTEXT = "(?:(?<![A-Za-z0-9_])(?:environment|env|workspace|stage|namespace|context)(?:\\s+select)?\\s*[:=]?\\s*[\"']?"
            + "|--(?:env|environment|namespace|context|stage)[=\\s]+[\"']?|(?:envs?|environments|overlays|stacks)/|values[-_.]"
            + "|deploy[-_])";

    private Environments() {
    }

    /** Compiled once: per environment the prose pattern, and per alias the plain and contextual code patterns. */
    private static final class Patterns {
        static final Map<String, List<String>> CORE = buildCore();
        static final Map<String, Pattern> PROSE = build(true);
        static final Map<String, Pattern> PLAIN = build(false);
        static final Map<String, Pattern> CONTEXTUAL = contextualPatterns();
        /**
         * Matches wherever any environment's prose pattern does (one alternation of all their
         * aliases): a prose segment it does not match in names no environment, so most segments of
         * a long document cost one scan instead of one per environment.
         */
        static final Pattern ANY_PROSE = Vocabulary.alternation(CORE.values().stream().flatMap(List::stream)
                .filter(a -> !WEAK.contains(a)).toList());

        private static Map<String, Pattern> build(boolean prose) {
            Map<String, Pattern> result = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> env : CORE.entrySet()) {
                if (prose) {
                    result.put(env.getKey(), Vocabulary.alternation(env.getValue().stream().filter(a -> !WEAK.contains(a)).toList()));
                } else {
                    env.getValue().forEach(alias -> result.put(alias, plain(alias)));
                }
            }
            return Map.copyOf(result);
        }

        private static Map<String, Pattern> contextualPatterns() {
            Map<String, Pattern> result = new LinkedHashMap<>();
            CORE.values().forEach(aliases -> aliases.forEach(alias -> result.put(alias, contextual(alias))));
            return Map.copyOf(result);
        }
    }

    /** Where an environment is named. */
    public record Mention(String environment, Range range) {
    }

    /** Canonical environment name to its aliases, from the vocabulary. */
    public static Map<String, List<String>> core() {
        return Patterns.CORE;
    }

    private static Map<String, List<String>> buildCore() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String env : List.of("development", "staging", "production")) {
            result.put(env, Vocabulary.get().list("environment." + env));
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    /** First mention of each core environment in {@code doc} (or in {@code section} when given). */
    public static Map<String, Mention> mentions(MarkdownDocument doc, Optional<Section> section, boolean allCode) {
        Map<String, Mention> result = new LinkedHashMap<>();
        Map<String, List<String>> core = core();
        // Matchers are reset per segment rather than created: a long document has many segments.
        Matcher any = Patterns.ANY_PROSE.matcher("");
        Map<String, Matcher> prose = new LinkedHashMap<>();
        for (ProseSegment p : doc.prose()) {
            if (section.isPresent() && !section.get().contains(p.offset())) {
                continue;
            }
            if (!any.reset(p.text()).find()) {
                continue;
            }
            for (Map.Entry<String, List<String>> env : core.entrySet()) {
                Matcher m = prose.computeIfAbsent(env.getKey(), k -> Patterns.PROSE.get(k).matcher("")).reset(p.text());
                while (m.find()) {
                    // "local development" is the developer's machine (the allowed extra environment local).
                    if (LOCAL_BEFORE.matcher(p.text().substring(Math.max(0, m.start() - 12), m.start())).find()) {
                        continue;
                    }
                    record(result, env.getKey(), doc.source().range(p.offset() + m.start(), p.offset() + m.end()));
                    break;
                }
            }
        }
        List<TextUnits.Unit> units = section.map(sec -> TextUnits.of(doc, sec)).orElseGet(() -> TextUnits.of(doc));
        for (TextUnits.Unit unit : units) {
            codeSpans(doc, unit.text(), core, allCode, result);
        }
        for (CodeBlock block : doc.codeBlocks()) {
            if (section.isPresent() && !section.get().containsInContent(block.range().start().offset())) {
                continue;
            }
            if (Blocks.isYaml(block) && block.yaml().valid()) {
                for (Node root : block.yaml().documents()) {
                    yaml(block, root, core, result);
                }
            }
            for (int i = 0; i < block.lines().size(); i++) {
                String line = block.lines().get(i);
                // Every pattern needs its alias literally (ASCII case aside): a cheap test first,
                // as long documents have many code lines and the environments many aliases.
                String lowerLine = line.toLowerCase(Locale.ROOT);
                for (Map.Entry<String, List<String>> env : core.entrySet()) {
                    for (String alias : env.getValue()) {
                        if (!lowerLine.contains(alias.toLowerCase(Locale.ROOT))) {
                            continue;
                        }
                        Pattern p = allCode && !WEAK.contains(alias) ? Patterns.PLAIN.get(alias) : Patterns.CONTEXTUAL.get(alias);
                        Matcher m = p.matcher(line);
                        while (m.find()) {
                            int g = m.group(1) != null ? 1 : 2;
                            if (!excluded(line, m.start(g), m.end(g))) {
                                record(result, env.getKey(), block.range(i, m.start(g), i, m.end(g)));
                                break;
                            }
                        }
                    }
                }
            }
        }
        return result;
    }

    /** Code spans in prose: `staging` names an environment, as do `prod.tfvars` or `--env prod`. */
    private static void codeSpans(MarkdownDocument doc, MappedText text, Map<String, List<String>> core, boolean allCode,
            Map<String, Mention> out) {
        if (text.text().indexOf('`') < 0) {
            return;
        }
        Matcher span = CODE_SPAN.matcher(text.text());
        while (span.find()) {
            String inner = span.group(1);
            String stripped = inner.strip();
            // The code patterns match ASCII case-insensitively, so they need the alias in the lower-cased text.
            String lower = inner.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> env : core.entrySet()) {
                for (String alias : env.getValue()) {
                    if (stripped.equalsIgnoreCase(alias)) {
                        record(out, env.getKey(), Blocks.range(doc, text, span.start(1), span.end(1)));
                        continue;
                    }
                    if (!lower.contains(alias.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    Pattern p = allCode && !WEAK.contains(alias) ? Patterns.PLAIN.get(alias) : Patterns.CONTEXTUAL.get(alias);
                    Matcher m = p.matcher(inner);
                    if (m.find()) {
                        int g = m.group(1) != null ? 1 : 2;
                        if (!excluded(inner, m.start(g), m.end(g))) {
                            int from = span.start(1) + m.start(g);
                            record(out, env.getKey(), Blocks.range(doc, text, from, span.start(1) + m.end(g)));
                        }
                    }
                }
            }
        }
    }

    private static void yaml(CodeBlock block, Node root, Map<String, List<String>> core, Map<String, Mention> out) {
        YamlNodes.walkEntries(root, (map, key, value) -> {
            if (key.equalsIgnoreCase("environment") || key.equalsIgnoreCase("deployment_environment")) {
                Node name = value instanceof ScalarNode ? value : YamlNodes.get(value, "name").orElse(null);
                if (name instanceof ScalarNode s) {
                    envOf(s.getValue(), core).ifPresent(env -> record(out, env, block.yaml().range(s)));
                }
            }
        });
    }

    /** The environment a value such as "staging", "Production" or "prod-eu" names. */
    public static Optional<String> envOf(String value, Map<String, List<String>> core) {
        for (Map.Entry<String, List<String>> env : core.entrySet()) {
            if (Patterns.PROSE.get(env.getKey()).matcher(value).find()) {
                return Optional.of(env.getKey());
            }
        }
        return Optional.empty();
    }

    private static Pattern plain(String alias) {
        return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(" + Pattern.quote(alias) + ")(?![\\p{L}\\p{N}])");
    }

    private static Pattern contextual(String alias) {
        String quoted = Pattern.quote(alias);
        return Pattern.compile("(?i)(?:" + CODE_CONTEXT + ")(" + quoted + ")(?![\\p{L}\\p{N}])"
                + "|(?<![\\p{L}\\p{N}])(" + quoted + ")(?=\\.tfvars|\\.ya?ml|\\.env\\b)");
    }

    private static boolean excluded(String line, int start, int end) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (start > 0 && lower.charAt(start - 1) == '/' && lower.startsWith("/null", end)) {
            return true;
        }
        return lower.startsWith("save-", Math.max(0, start - 5)) || lower.startsWith("dependencies", end);
    }

    private static void record(Map<String, Mention> out, String env, Range range) {
        Mention current = out.get(env);
        if (current == null || range.start().offset() < current.range().start().offset()) {
            out.put(env, new Mention(env, range));
        }
    }

    public static List<String> missing(Map<String, Mention> from, Map<String, Mention> in) {
        List<String> result = new ArrayList<>();
        for (String env : from.keySet()) {
            if (!in.containsKey(env)) {
                result.add(env);
            }
        }
        return result;
    }
}
