package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.RuleOptions;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The engine holds rules to their metadata: message ids, fixable, the documents they apply to; typed options. */
class RuleContractTest {
    private static final Message FOUND = Message.of("found", "heading {0} found");

    private static DocumentRule rule(UnaryOperator<RuleMeta> meta, Consumer<DocumentContext> check) {
        RuleMeta built = meta.apply(RuleMeta.of("test/rule", Level.WARNING, "d", "h", List.of()));
        return new DocumentRule() {
            @Override
            public RuleMeta meta() {
                return built;
            }

            @Override
            public void check(DocumentContext context) {
                check.accept(context);
            }
        };
    }

    private static LintResult lint(DocumentRule rule, String fileName, String text) {
        SourceFile source = SourceFile.of(Path.of(fileName).toAbsolutePath(), fileName, text);
        return Linter.withDefaults(new RuleRegistry(List.of(rule)), Path.of("")).lintSources(List.of(source));
    }

    private static void reportHeading(DocumentContext c, UnaryOperator<Report> change) {
        c.document().headings().forEach(h -> c.report(change.apply(Report.of(h.range(), FOUND, h.text()))));
    }

    @Test
    void findingsCarryTheDeclaredMessageId() {
        LintResult result = lint(rule(m -> m.withMessages(FOUND), c -> reportHeading(c, r -> r)), "a.md", "# Title\n");
        assertThat(result.notices()).isEmpty();
        Finding f = result.findings().get(0);
        assertThat(f.messageId()).contains("found");
        assertThat(f.message()).isEqualTo("heading Title found");
    }

    @Test
    void anUndeclaredMessageIdIsAnInternalErrorButTheFindingStays() {
        Message other = Message.of("other", "other");
        LintResult result = lint(rule(m -> m.withMessages(other), c -> reportHeading(c, r -> r)), "a.md", "# A\n# B\n");
        assertThat(result.findings()).hasSize(2);
        assertThat(result.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Notice.Kind.ERROR);
            assertThat(n.message()).contains("test/rule", "'found'", "does not declare");
        });
    }

    @Test
    @SuppressWarnings("deprecation")
    void aReportWithoutMessageIdFromARuleWithMessagesIsAnInternalError() {
        LintResult result = lint(rule(m -> m.withMessages(FOUND),
                c -> c.document().headings().forEach(h -> c.report(h.range(), "plain"))), "a.md", "# A\n");
        assertThat(result.notices()).singleElement().satisfies(n -> assertThat(n.message()).contains("without a message id"));
    }

    @Test
    void aFixFromARuleThatIsNotFixableIsDropped() {
        UnaryOperator<Report> withFix = r -> r.withFix(Fix.edit("add", TextEdit.insert(0, "x")));
        LintResult notFixable = lint(rule(m -> m.withMessages(FOUND), c -> reportHeading(c, withFix)), "a.md", "# A\n");
        assertThat(notFixable.findings()).singleElement().satisfies(f -> assertThat(f.fix()).isEmpty());
        assertThat(notFixable.notices()).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("test/rule", "not declare it fixable", "dropped"));
        // Suggestions (never applied by opsdoc fix) need their own declaration.
        UnaryOperator<Report> withSuggestion = r -> r.withFix(Fix.suggest("drop", new TextEdit(0, 1, "")));
        assertThat(lint(rule(m -> m.withMessages(FOUND).asFixable(), c -> reportHeading(c, withSuggestion)), "a.md", "# A\n")
                .notices()).singleElement().satisfies(n -> assertThat(n.message()).contains("suggesting"));
        assertThat(lint(rule(m -> m.withMessages(FOUND).asSuggesting(), c -> reportHeading(c, withSuggestion)), "a.md",
                "# A\n").findings()).singleElement().satisfies(f -> assertThat(f.fix()).isPresent());

        LintResult fixable = lint(rule(m -> m.withMessages(FOUND).asFixable(), c -> reportHeading(c, withFix)), "a.md", "# A\n");
        assertThat(fixable.notices()).isEmpty();
        assertThat(fixable.findings()).singleElement().satisfies(f -> assertThat(f.fix()).isPresent());
    }

    @Test
    void documentRulesRunOnlyOnTheDocumentTypesTheyApplyTo() {
        DocumentRule cicdOnly = rule(m -> m.withMessages(FOUND).appliesTo("cicd-pipeline"), c -> reportHeading(c, r -> r));
        assertThat(lint(cicdOnly, "cicd-pipeline.md", "# A\n").findings()).hasSize(1);
        assertThat(lint(cicdOnly, "monitoring-strategy.md", "# A\n").findings()).isEmpty();
        assertThat(lint(cicdOnly, "notes.md", "# A\n").findings()).isEmpty();

        DocumentRule typed = rule(m -> m.withMessages(FOUND).appliesTo(AppliesTo.anyType()), c -> reportHeading(c, r -> r));
        assertThat(lint(typed, "monitoring-strategy.md", "# A\n").findings()).hasSize(1);
        assertThat(lint(typed, "notes.md", "# A\n").findings()).isEmpty();

        DocumentRule any = rule(m -> m.withMessages(FOUND), c -> reportHeading(c, r -> r));
        assertThat(lint(any, "notes.md", "# A\n").findings()).hasSize(1);
    }

    @Test
    void setRulesRunOnlyOnSetsHoldingADocumentTheyApplyTo() {
        Message seen = Message.of("seen", "set seen");
        RuleMeta meta = RuleMeta.of("test/set", Level.WARNING, "d", "h", List.of()).withMessages(seen)
                .appliesTo("monitoring-strategy");
        SetRule setRule = new SetRule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(SetContext context) {
                var first = context.set().documents().get(0).document();
                context.report(first, first.headings().get(0).range(), seen);
            }
        };
        RuleRegistry registry = new RuleRegistry(List.of(setRule));
        Path folder = Path.of("plan").toAbsolutePath();
        List<SourceFile> withMonitoring = List.of(
                SourceFile.of(folder.resolve("cicd-pipeline.md"), "plan/cicd-pipeline.md", "# A\n"),
                SourceFile.of(folder.resolve("monitoring-strategy.md"), "plan/monitoring-strategy.md", "# B\n"));
        assertThat(Linter.withDefaults(registry, Path.of("")).lintSources(withMonitoring).findings()).hasSize(1);
        assertThat(Linter.withDefaults(registry, Path.of("")).lintSources(withMonitoring.subList(0, 1)).findings()).isEmpty();
    }

    @Test
    void typedOptionsReturnConfiguredValuesOrDefaultsAndExtendLists() {
        OptionSpec<Integer> limit = OptionSpec.integer("limit", 3, "l").validatedBy(n -> n >= 1, "at least 1");
        OptionSpec<List<String>> words = OptionSpec.stringList("words", List.of("a"), "w");
        OptionSpec<Double> rate = OptionSpec.number("rate", 14.4, "r");
        List<OptionSpec<?>> specs = List.of(limit, words, rate);
        assertThat(new RuleOptions(specs, Map.of()).get(limit)).isEqualTo(3);
        RuleOptions set = new RuleOptions(specs, Map.of("limit", 5, "extra-words", List.of("b"), "rate", 2));
        assertThat(set.get(limit)).isEqualTo(5);
        assertThat(set.get(words)).containsExactly("a", "b");
        assertThat(set.get(rate)).isEqualTo(2.0);
        // Values validation would have rejected never reach a rule: it gets the default.
        assertThat(new RuleOptions(specs, Map.of("limit", 0)).get(limit)).isEqualTo(3);
        assertThatThrownBy(() -> set.get(OptionSpec.bool("other", true, "o"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesValidateIdsAndArguments() {
        assertThat(Message.of("mismatch", "'{0}' is not {1}; it's {0}").format("a", 2)).isEqualTo("'a' is not 2; it's a");
        assertThat(Message.of("braces", "use ${{ env.X }} not {0}").format("y")).isEqualTo("use ${{ env.X }} not y");
        assertThatThrownBy(() -> FOUND.format()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of("Bad_Id", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Message.of("gap", "{1}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleMeta.of("t/x", Level.NOTE, "d", "h", List.of()).withMessages(FOUND, FOUND))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
