package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated planning documents ({@link PlanningDocuments}: headings, prose, tables, task lists and
 * embedded YAML, JSON, HCL, PromQL and shell blocks, valid or damaged, nested in lists and block
 * quotes, with CRLF line endings and a BOM) through the whole engine with every rule: no rule may
 * fail, every finding must point inside the file, and two runs must give the same findings. Fixed
 * seeds, twenty documents each, so a failure names a seed that reproduces it.
 */
class EnginePropertiesTest {
    private static RuleRegistry registry;

    @BeforeAll
    static void loadRules() {
        registry = RuleRegistry.load();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 17, 99, 31_337})
    void everyRuleSurvivesAndReportsInsideTheFile(long seed) {
        Choices choices = Choices.of(new Random(seed));
        Linter linter = Linter.withDefaults(registry, Path.of("").toAbsolutePath());
        for (int i = 0; i < 20; i++) {
            String name = "docs/planning/" + choices.pick(PlanningDocuments.NAMES);
            String text = PlanningDocuments.text(choices);
            SourceFile source = SourceFile.ofText(name, text);

            LintResult first = linter.lintSources(List.of(source));
            LintResult second = linter.lintSources(List.of(SourceFile.ofText(name, text)));

            assertThat(first.notices()).as("seed %d, document %d:%n%s", seed, i, text)
                    .filteredOn(n -> n.kind() == Notice.Kind.ERROR).isEmpty();
            for (Finding finding : first.findings()) {
                assertInside(source, finding, finding.range().start());
                assertInside(source, finding, finding.range().end());
            }
            assertThat(describe(second)).as("seed %d, document %d is checked the same twice", seed, i)
                    .isEqualTo(describe(first));
        }
    }

    private static void assertInside(SourceFile source, Finding finding, Position position) {
        assertThat(position.line()).as("line of %s", finding).isBetween(1, source.lineCount());
        int length = source.lineText(position.line()).length();
        assertThat(position.column()).as("column of %s (line length %d)", finding, length).isBetween(1, length + 1);
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream().map(f -> f.ruleId() + " " + f.level() + " " + f.file() + ":"
                + f.range().start().line() + ":" + f.range().start().column() + "-" + f.range().end().line() + ":"
                + f.range().end().column() + " " + f.message()).toList();
    }
}
