package io.opsdoc.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.FileCreation;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The multi-round loop with a tiny in-test "linter", independent of the real rules. */
class FixSessionTest {
    private static final Path DIR = Path.of("/plans").toAbsolutePath();

    /** t/tag: bare opening fences get `yaml`; t/a and t/b append a section each at the very end (they conflict). */
    private static List<Finding> lint(List<SourceFile> sources) {
        List<Finding> findings = new ArrayList<>();
        for (SourceFile source : sources) {
            String text = source.text();
            boolean inside = false;
            for (int line = 1; line <= source.lineCount(); line++) {
                String content = source.lineText(line);
                if (content.startsWith("```")) {
                    if (!inside && content.equals("```")) {
                        int at = source.lineStart(line) + 3;
                        findings.add(finding("t/tag", source, at, Fix.edit("tag", TextEdit.insert(at, "yaml"))));
                    }
                    inside = !inside;
                }
            }
            for (String name : List.of("A", "B")) {
                if (!text.contains("## " + name + "\n") && !text.contains("## " + name + "\r\n")) {
                    findings.add(finding("t/" + name.toLowerCase(), source, text.length(),
                            Fix.edit("add", TextEdit.insert(text.length(), "\n## " + name + "\n"))));
                }
            }
            if (source.displayPath().equals("plans/one.md") && sources.stream().noneMatch(s -> s.displayPath().equals("plans/two.md"))) {
                findings.add(finding("t/doc", source, 0,
                        Fix.create("create", new FileCreation(DIR.resolve("two.md"), "# Two\n\n## A\n\n## B\n"))));
                findings.add(finding("t/doc", source, 0,
                        Fix.create("create", new FileCreation(DIR.resolve("three.md"), "# Three\n"))));
            }
        }
        return findings;
    }

    private static Finding finding(String rule, SourceFile source, int offset, Fix fix) {
        return new Finding(rule, Level.WARNING, rule + " finding", source.displayPath(), source.range(offset, offset),
                Optional.of(fix), List.of(), false, Optional.empty());
    }

    private static FixSession session() {
        return new FixSession(FixSessionTest::lint, f -> true, p -> "plans/" + p.getFileName(),
                p -> p.getFileName().toString().equals("three.md"), FixSession.DEFAULT_MAX_ROUNDS);
    }

    @Test
    void reachesTheFixedPointInOneRunAndCreatesOnlyMissingFiles() {
        SourceFile one = SourceFile.of(DIR.resolve("one.md"), "plans/one.md", "\uFEFF# One\r\n\r\n```\r\nk: v\r\n```\r\n");
        FixSession.Outcome outcome = session().run(List.of(one), Optional.empty());
        assertThat(outcome.converged()).isTrue();
        FixSession.FileResult first = outcome.files().get(0);
        assertThat(first.text()).isEqualTo("\uFEFF# One\r\n\r\n```yaml\r\nk: v\r\n```\r\n\r\n## A\r\n\r\n## B\r\n");
        assertThat(first.fixes()).isEqualTo(Map.of("t/tag", 1, "t/a", 1, "t/b", 1));
        assertThat(first.refused()).isEmpty();
        assertThat(outcome.files()).hasSize(2);
        FixSession.FileResult created = outcome.files().get(1);
        assertThat(created.created()).isTrue();
        assertThat(created.displayPath()).isEqualTo("plans/two.md");
        assertThat(created.text()).as("created with the reporting file's CRLF").isEqualTo("# Two\r\n\r\n## A\r\n\r\n## B\r\n");
        assertThat(outcome.skipped()).containsExactly("not created plans/three.md: it already exists (t/doc)");
        assertThat(outcome.remaining()).noneMatch(f -> f.fix().isPresent() && !f.ruleId().equals("t/doc"));

        // A second session on the result changes nothing.
        FixSession.Outcome again = session().run(outcome.sources(), Optional.empty());
        assertThat(again.changed()).isEmpty();
    }

    @Test
    void refusesFixesThatWouldLoseText() {
        SourceFile doc = SourceFile.ofText("plans/x.md", "keep me\n## A\n## B\n");
        FixSession destructive = new FixSession(sources -> sources.stream()
                .filter(s -> s.text().contains("keep me"))
                .map(s -> finding("t/bad", s, 0, Fix.edit("rewrite", new TextEdit(0, 7, "changed"))))
                .toList(), f -> true, p -> p.toString(), p -> false, 3);
        FixSession.Outcome outcome = destructive.run(List.of(doc), Optional.empty());
        FixSession.FileResult result = outcome.files().get(0);
        assertThat(result.changed()).isFalse();
        assertThat(result.refused()).hasValueSatisfying(m -> assertThat(m).contains("line 1").contains("t/bad"));
    }

    @Test
    void aFixWhoseFindingRemainsIsLeftOutInsteadOfPilingUp() {
        SourceFile doc = SourceFile.ofText("plans/x.md", "```\nunclosed block\n");
        FixSession stubborn = new FixSession(sources -> sources.stream()
                .map(s -> finding("t/stuck", s, s.text().length(), Fix.edit("add", TextEdit.insert(s.text().length(), "## A\n"))))
                .toList(), f -> true, p -> p.toString(), p -> false, FixSession.DEFAULT_MAX_ROUNDS);
        FixSession.Outcome outcome = stubborn.run(List.of(doc), Optional.empty());
        assertThat(outcome.converged()).isTrue();
        assertThat(outcome.changed()).isEmpty();
        assertThat(outcome.files().get(0).fixes()).isEmpty();
        assertThat(outcome.skipped()).singleElement().asString().contains("t/stuck").contains("remained");
    }

    @Test
    void stopsAfterMaxRoundsWhenARuleNeverSettles() {
        SourceFile doc = SourceFile.ofText("plans/x.md", "x\n");
        FixSession restless = new FixSession(sources -> sources.stream()
                .map(s -> new Finding("t/more", Level.WARNING, "length " + s.text().length(), s.displayPath(),
                        s.range(0, 0), Optional.of(Fix.edit("more", TextEdit.insert(s.text().length(), "x\n"))), List.of(),
                        false, Optional.empty()))
                .toList(), f -> true, p -> p.toString(), p -> false, 4);
        FixSession.Outcome outcome = restless.run(List.of(doc), Optional.empty());
        assertThat(outcome.converged()).isFalse();
        assertThat(outcome.rounds()).isEqualTo(4);
        assertThat(outcome.files().get(0).fixes()).containsEntry("t/more", 4);
    }
}
