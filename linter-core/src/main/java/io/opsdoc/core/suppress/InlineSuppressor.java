package io.opsdoc.core.suppress;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.config.RuleSetting;
import io.opsdoc.core.engine.Suppressor;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.HtmlComment;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleOptions;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.text.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-source suppressions. In Markdown, HTML comments:
 * <ul>
 * <li>{@code <!-- opsdoc-disable-next-line ID -->}: findings starting on the line after the comment;</li>
 * <li>{@code <!-- opsdoc-disable-line ID -->}: findings on the comment's own line(s);</li>
 * <li>{@code <!-- opsdoc-disable ID -->} ... {@code <!-- opsdoc-enable ID -->}: findings in between
 *     (to the end of the file when never enabled again);</li>
 * <li>{@code <!-- opsdoc-disable-file ID -->}: the whole file.</li>
 * </ul>
 * Inside code blocks, a line comment {@code # opsdoc-disable-line ID} (or {@code // ...}) covers
 * its own line and {@code # opsdoc-disable-next-line ID} the next one.
 *
 * <p>IDs are separated by commas or spaces and may be family globs ({@code kubernetes/*}); no ID
 * means every rule; text after {@code --} is the justification kept with the suppressed finding.
 * Suppressed findings stay in the result, marked. A suppression naming an unknown rule, or one
 * that suppresses nothing, is reported as {@code config/unused-suppression} at the comment
 * (except for rules switched off by configuration, where the comment is simply idle).
 */
public final class InlineSuppressor implements Suppressor {
    public static final String UNUSED_RULE = "config/unused-suppression";
    /** Option of {@value #UNUSED_RULE}: report suppressions that name rules opsdoc does not know. */
    public static final String UNKNOWN_RULES_OPTION = "unknown-rules";
    /** The option's typed spec, declared by the rule's metadata in the rules module. */
    public static final OptionSpec<Boolean> UNKNOWN_RULES = OptionSpec.bool(UNKNOWN_RULES_OPTION, true,
            "Report suppressions that name a rule opsdoc does not know (turn off when the same documents"
                    + " are checked by a newer opsdoc with more rules)");
    /** The messages of {@value #UNUSED_RULE}, declared by its metadata. */
    public static final Message UNKNOWN_RULE = Message.of("unknown-rule", "unknown rule '{0}' in {1}{2}");
    public static final Message UNUSED_ALL = Message.of("unused", "{0} suppresses nothing; remove the comment");
    public static final Message UNUSED_ID = Message.of("unused-id", "{0} {1} suppresses nothing; remove it from the comment");

    private static final Pattern CODE_COMMENT = Pattern.compile("(?:^|\\s)(?:#|//)\\s*(opsdoc-disable-(?:next-)?line\\b.*)$");
    private static final Set<String> PLAIN_LANGUAGES = Set.of("markdown", "md", "text", "txt", "plaintext");

    private final ConfigProvider configs;

    public InlineSuppressor(ConfigProvider configs) {
        this.configs = configs;
    }

    /** One rule id (or "*") of one directive, with the span it covers and whether it suppressed anything. */
    private static final class Unit {
        final Directive directive;
        final String id;
        final int startLine;
        final int endLine;
        final int startOffset;
        int endOffset;
        boolean used;

        Unit(Directive directive, String id, int startLine, int endLine, int startOffset, int endOffset) {
            this.directive = directive;
            this.id = id;
            this.startLine = startLine;
            this.endLine = endLine;
            this.startOffset = startOffset;
            this.endOffset = endOffset;
        }

        boolean covers(Finding finding) {
            if (!Directive.names(id, finding.ruleId())) {
                return false;
            }
            return switch (directive.kind()) {
                case FILE -> true;
                case DISABLE -> finding.range().start().offset() >= startOffset && finding.range().start().offset() < endOffset;
                default -> finding.line() >= startLine && finding.line() <= endLine;
            };
        }

        String justification() {
            return directive.reason().orElse(directive.kind().keyword + " comment on line "
                    + directive.range().start().line());
        }
    }

    @Override
    public List<Finding> apply(MarkdownDocument document, List<Finding> findings, Set<String> knownRuleIds) {
        List<Directive> directives = directives(document);
        if (directives.isEmpty()) {
            return findings;
        }
        List<Unit> units = units(directives, document.text().length());
        List<Finding> result = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            Finding current = finding;
            for (Unit unit : units) {
                if (unit.covers(finding)) {
                    unit.used = true;
                    if (!current.suppressed()) {
                        current = finding.withSuppression(unit.justification());
                    }
                }
            }
            result.add(current);
        }
        result.addAll(unused(document, units, directives, knownRuleIds));
        return result;
    }

    private List<Finding> unused(MarkdownDocument document, List<Unit> units, List<Directive> directives,
            Set<String> knownRuleIds) {
        Config config = configs.configFor(document.source().path());
        Optional<RuleSetting> setting = config.setting(UNUSED_RULE);
        if (setting.map(RuleSetting::off).orElse(false)) {
            return List.of();
        }
        Level level = setting.flatMap(RuleSetting::level).orElse(Level.NOTE);
        boolean reportUnknown = new RuleOptions(List.of(UNKNOWN_RULES), setting.map(RuleSetting::options).orElse(Map.of()))
                .get(UNKNOWN_RULES);
        Set<String> known = new java.util.HashSet<>(knownRuleIds);
        known.add(UNUSED_RULE);
        List<Finding> found = new ArrayList<>();
        for (Unit unit : units) {
            String keyword = unit.directive.kind().keyword;
            if (!unit.id.equals("*") && known.stream().noneMatch(k -> Directive.names(unit.id, k))) {
                if (reportUnknown) {
                    found.add(finding(document, unit.directive.range(), level, UNKNOWN_RULE, unit.id, keyword,
                            Suggestions.closest(unit.id, known).map(s -> "; did you mean '" + s + "'?").orElse("")));
                }
            } else if (!unit.used && unit.directive.kind() != Directive.Kind.ENABLE && !idle(unit.id, config, known)) {
                found.add(unit.id.equals("*") ? finding(document, unit.directive.range(), level, UNUSED_ALL, keyword)
                        : finding(document, unit.directive.range(), level, UNUSED_ID, keyword, unit.id));
            }
        }
        // A suppression may silence the reports about suppressions too.
        List<Finding> result = new ArrayList<>();
        for (Finding f : found) {
            Finding current = f;
            for (Unit unit : units) {
                if (unit.id.equals(UNUSED_RULE) && unit.covers(f) && !current.suppressed()) {
                    current = f.withSuppression(unit.justification());
                }
            }
            result.add(current);
        }
        return result;
    }

    /** A suppression of the reporting rule itself, or of rules that are all switched off, is idle, not unused. */
    private static boolean idle(String id, Config config, Set<String> known) {
        if (id.equals(UNUSED_RULE)) {
            return true;
        }
        if (id.equals("*")) {
            return false;
        }
        return known.stream().filter(k -> Directive.names(id, k))
                .allMatch(k -> config.setting(k).map(RuleSetting::off).orElse(false));
    }

    private static Finding finding(MarkdownDocument document, Range range, Level level, Message message, Object... args) {
        return new Finding(UNUSED_RULE, level, message.format(args), document.path(), range, Optional.empty(), List.of(),
                false, Optional.empty(), Optional.of(message.id()));
    }

    private static List<Directive> directives(MarkdownDocument document) {
        List<Directive> result = new ArrayList<>();
        for (HtmlComment comment : document.comments()) {
            Directive.parse(comment.body(), comment.range()).ifPresent(result::add);
        }
        for (CodeBlock block : document.codeBlocks()) {
            if (PLAIN_LANGUAGES.contains(block.language())) {
                continue;
            }
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.contains("opsdoc-disable")) {
                    continue;
                }
                Matcher m = CODE_COMMENT.matcher(line);
                if (m.find()) {
                    Range range = block.range(i, m.start(1), i, line.length());
                    Directive.parse(m.group(1), range).ifPresent(result::add);
                }
            }
        }
        result.sort(java.util.Comparator.comparingInt(d -> d.range().start().offset()));
        return result;
    }

    private static List<Unit> units(List<Directive> directives, int textLength) {
        List<Unit> units = new ArrayList<>();
        List<Unit> open = new ArrayList<>();
        for (Directive d : directives) {
            List<String> ids = d.ids().isEmpty() ? List.of("*") : d.ids();
            int startLine = d.range().start().line();
            int endLine = d.range().end().line();
            int end = d.range().end().offset();
            switch (d.kind()) {
                case NEXT_LINE -> ids.forEach(id -> units.add(new Unit(d, id, endLine + 1, endLine + 1, 0, 0)));
                case LINE -> ids.forEach(id -> units.add(new Unit(d, id, startLine, endLine, 0, 0)));
                case FILE -> ids.forEach(id -> units.add(new Unit(d, id, 0, 0, 0, textLength + 1)));
                case DISABLE -> ids.forEach(id -> {
                    Unit unit = new Unit(d, id, 0, 0, end, textLength + 1);
                    units.add(unit);
                    open.add(unit);
                });
                case ENABLE -> {
                    for (Unit unit : List.copyOf(open)) {
                        if (d.ids().isEmpty() || d.ids().contains(unit.id)) {
                            unit.endOffset = d.range().start().offset();
                            open.remove(unit);
                        }
                    }
                    // Enable comments are checked only for unknown rule ids.
                    d.ids().forEach(id -> {
                        Unit unit = new Unit(d, id, 0, 0, 0, 0);
                        unit.used = true;
                        units.add(unit);
                    });
                }
            }
        }
        return units;
    }

}
