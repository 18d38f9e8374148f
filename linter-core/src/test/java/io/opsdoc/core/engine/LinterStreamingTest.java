package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A report run keeps the text of the files with findings only; everything else about the run is unchanged. */
@Timeout(60)
class LinterStreamingTest {
    @TempDir
    Path dir;

    /** Reports the first heading of every file. */
    private static final DocumentRule HEADINGS = new DocumentRule() {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/heading", Level.WARNING, "test rule", "Test.\n\nHow to fix: nothing.", List.of("test"));
        }

        @Override
        public void check(DocumentContext context) {
            context.document().headings().stream().findFirst().ifPresent(h -> context.report(h.range(), "heading"));
        }
    };

    /** Reports every planning set's documents that have no heading: it needs the typed models after the files ran. */
    private static final SetRule NO_HEADING = new SetRule() {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/set-no-heading", Level.NOTE, "test rule", "Test.\n\nHow to fix: nothing.",
                    List.of("test"));
        }

        @Override
        public void check(SetContext context) {
            context.set().documents().stream().filter(d -> d.document().headings().isEmpty())
                    .forEach(d -> context.report(d.document(), d.document().source().lineRange(1), "no heading"));
        }
    };

    private Linter linter() {
        return new Linter(new RuleRegistry(List.of(HEADINGS, NO_HEADING)), ConfigProvider.of(Config.defaults()),
                Suppressor.NONE, 2, dir, 1024 * 1024);
    }

    private void writeTree() throws IOException {
        Files.writeString(dir.resolve("with-heading.md"), "# A\n\ntext\n");
        Files.writeString(dir.resolve("plain.md"), "just text\n");
        Path plan = Files.createDirectories(dir.resolve("plan"));
        Files.writeString(plan.resolve("cicd-pipeline.md"), "no heading in the pipeline plan\n");
        Files.writeString(plan.resolve("deployment-strategy.md"), "# Deploy\n");
        Files.writeString(plan.resolve("monitoring-strategy.md"), "# Monitoring\n");
    }

    @Test
    void aReportRunKeepsOnlyTheTextOfFilesWithFindings() throws IOException {
        writeTree();

        LintResult all = linter().lint(List.of(dir));
        LintResult lean = linter().keepingReportedSourcesOnly().lint(List.of(dir));

        assertThat(describe(lean)).isEqualTo(describe(all)).contains(
                "test/set-no-heading plan/cicd-pipeline.md:1", "test/heading with-heading.md:1");
        assertThat(all.sources()).containsOnlyKeys("with-heading.md", "plain.md", "plan/cicd-pipeline.md",
                "plan/deployment-strategy.md", "plan/monitoring-strategy.md");
        assertThat(lean.sources()).containsOnlyKeys("with-heading.md", "plan/cicd-pipeline.md",
                "plan/deployment-strategy.md", "plan/monitoring-strategy.md");
        assertThat(lean.files()).isEqualTo(all.files()).containsOnlyKeys(all.sources().keySet());
        assertThat(lean.files().get("plain.md")).isEqualTo(dir.resolve("plain.md").toAbsolutePath().normalize());
        assertThat(lean.filesChecked()).isEqualTo(all.filesChecked()).isEqualTo(5);
        long chars = all.sources().values().stream().mapToLong(s -> s.text().length()).sum();
        assertThat(lean.timings().chars()).isEqualTo(all.timings().chars()).isEqualTo(chars);
    }

    @Test
    void aResultBuiltWithoutFileListNamesItsSources() throws IOException {
        writeTree();
        LintResult all = linter().lint(List.of(dir));

        LintResult copy = new LintResult(all.findings(), all.notices(), all.sources(), all.rules(), all.filesChecked(),
                all.timings());

        assertThat(copy.files()).isEqualTo(all.files());
    }

    @Test
    void theWalkUsedToSizeARunCountsTheMarkdownTheRunChecks() throws IOException {
        writeTree();
        Files.writeString(dir.resolve("notes.txt"), "not markdown, not counted");
        Path skipped = Files.createDirectories(dir.resolve("node_modules"));
        Files.writeString(skipped.resolve("dependency.md"), "# skipped like the linter skips it\n");

        long expected = 0;
        for (Path file : linter().lint(List.of(dir)).files().values()) {
            expected += Files.size(file);
        }

        assertThat(FileDiscovery.markdownBytes(dir)).isEqualTo(expected).isPositive();
    }

    private static List<String> describe(LintResult result) {
        List<String> lines = new ArrayList<>();
        result.findings().forEach(f -> lines.add(f.ruleId() + " " + f.file() + ":" + f.line()));
        return lines;
    }
}
