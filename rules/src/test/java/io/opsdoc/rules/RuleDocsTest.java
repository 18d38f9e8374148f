package io.opsdoc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated rule pages under docs/rules are up to date, and every rule's corrected example
 * (the fenced block after "How to fix" in its help) is clean under that rule.
 *
 * <p>With {@code -Dopsdoc.writeRuleDocs=true} the first test rewrites the pages instead of
 * comparing them: {@link RuleDocs#REGENERATE}.
 */
class RuleDocsTest {
    private final RuleRegistry registry = RuleRegistry.load();

    /**
     * Rules whose corrected example is not linted on its own, with the reason. Set rules look at a
     * whole planning set (four documents, across which they look for the missing fact), so a
     * snippet from one section cannot show them clean; their fixtures' valid sets do that.
     */
    private static final Map<String, String> NOT_LINTED_ALONE = Map.of(
            "config/unused-suppression", "the example is a suppression comment for a finding on the line after it,"
                    + " which a snippet does not contain; alone it suppresses nothing, which is this rule's finding",
            "structure/required-section", "the example shows two sections of a document; the rule requires all of a"
                    + " type's sections, so any excerpt is missing the others");

    /**
     * Rules whose help lacks a fenced example after "How to fix", until their owners add one. The
     * list can only shrink: a listed rule that has an example fails the test.
     */
    private static final Map<String, String> WITHOUT_EXAMPLE = Map.of(
            "principles/orchestration", "help describes the fix in prose only; a corrected example is to be added");

    /**
     * Which document type a fenced (non-Markdown) example is embedded in, by rule family, since the
     * metadata does not yet say which document types a rule applies to (issue 13, item 6).
     */
    private static final Map<String, String> TYPE_BY_FAMILY = Map.of(
            "github-actions", "cicd-pipeline",
            "kubernetes", "deployment-strategy",
            "prometheus", "monitoring-strategy",
            "alertmanager", "monitoring-strategy",
            "terraform", "infrastructure-as-code");

    @Test
    void generatedRuleDocsAreUpToDate() throws IOException {
        Map<String, String> pages = RuleDocs.render(registry.all());
        if (Boolean.getBoolean("opsdoc.writeRuleDocs")) {
            RuleDocs.write(RuleDocs.DIR, pages);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = RuleDocs.DIR.resolve(page.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add("missing docs/rules/" + page.getKey());
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
                problems.add("outdated docs/rules/" + page.getKey());
            }
        }
        for (String existing : RuleDocs.existing(RuleDocs.DIR)) {
            if (!pages.containsKey(existing)) {
                problems.add("docs/rules/" + existing + " belongs to no rule");
            }
        }
        assertThat(problems).as("docs/rules differs from the rules' metadata; run from the repository root:%n  %s%n"
                + "to regenerate, and commit the result", RuleDocs.REGENERATE).isEmpty();
    }

    @Test
    void everyRuleHelpHasACorrectedExample() {
        Set<String> without = registry.all().stream()
                .filter(r -> RuleDocs.correctedExample(r.meta().help()).isEmpty())
                .map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(without).as("rules whose help has no fenced example after 'How to fix'")
                .isEqualTo(new TreeSet<>(WITHOUT_EXAMPLE.keySet()));
    }

    @Test
    void correctedExamplesAreCleanUnderTheirRule() {
        List<String> flagged = new ArrayList<>();
        Set<String> notLinted = new TreeSet<>();
        for (Rule rule : registry.all()) {
            if (rule instanceof SetRule || NOT_LINTED_ALONE.containsKey(rule.id())) {
                notLinted.add(rule.id());
                continue;
            }
            Optional<RuleDocs.Example> example = RuleDocs.correctedExample(rule.meta().help());
            if (example.isEmpty()) {
                continue; // reported by everyRuleHelpHasACorrectedExample
            }
            SourceFile document = document(rule, example.get());
            LintResult result = FixtureTest.lint(registry, List.of(document));
            List<Finding> own = result.findings().stream().filter(f -> f.ruleId().equals(rule.id())).toList();
            for (Finding f : own) {
                flagged.add(rule.id() + " flags its own corrected example at " + f.line() + ":" + f.column() + ": "
                        + f.message() + "\n" + document.text());
            }
        }
        assertThat(flagged).as("corrected examples flagged by their own rule").isEmpty();
        // Skips are explicit: every rule not linted is a set rule or listed with its reason.
        assertThat(NOT_LINTED_ALONE.keySet()).as("skip list names existing document rules")
                .allSatisfy(id -> assertThat(registry.get(id)).isPresent());
        assertThat(notLinted.stream().filter(id -> !(registry.get(id).orElseThrow() instanceof SetRule))
                .collect(Collectors.toSet())).isEqualTo(NOT_LINTED_ALONE.keySet());
    }

    /**
     * A Markdown example is the document itself; any other example becomes a fenced block in a
     * minimal document of the type its family lints, named as that type's file.
     */
    private static SourceFile document(Rule rule, RuleDocs.Example example) {
        DocumentType type = DocumentTypes.builtIn().get(TYPE_BY_FAMILY.getOrDefault(rule.meta().family(), "cicd-pipeline"))
                .orElseThrow();
        String text;
        if (example.language().equals("markdown") || example.language().equals("md")) {
            text = example.body();
        } else {
            String fence = example.body().contains("```") ? "~~~~" : "```";
            text = "# " + type.title() + "\n\nThe corrected example of " + rule.id() + ":\n\n" + fence
                    + example.language() + "\n" + example.body() + fence + "\n";
        }
        return SourceFile.of(Path.of(type.fileName()).toAbsolutePath(), type.fileName(), text);
    }
}
