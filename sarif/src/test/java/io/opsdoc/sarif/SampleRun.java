package io.opsdoc.sarif;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.Suppressor;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.SourceFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-made rules run by the real engine over realistic documents: a multi-finding result for the writer tests. */
final class SampleRun {
    static final String FAKE_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final ToolInfo TOOL = new ToolInfo("opsdoc", "0.1.0", URI.create("https://example.org/opsdoc"),
            URI.create("https://example.org/opsdoc/rules"));

    static final String PIPELINE = """
            # CI/CD Pipeline

            ## CI/CD Overview

            Every push to `main` runs the pipeline below. TODO: add the nightly schedule.

            ## Pipeline Stages

            ```
            stages:
              - build
              - test
            ```

            ## Environment Variables & Secrets

            ```yaml
            env:
              AWS_ACCESS_KEY_ID: %s
              REGION: eu-west-1
            ```

            ## Failure Handling — “retries”

            TODO: document the retry policy 🚀 for flaky jobs.
            """.formatted(FAKE_KEY);

    static final String MONITORING = """
            # Monitoring Strategy

            ## Alerting

            TODO: page the on-call engineer when the error budget burns too fast.
            """;

    private SampleRun() {
    }

    static final Message NO_TAG = Message.of("no-tag", "Code block has no language tag; add one such as yaml");
    static final Message ACCESS_KEY = Message.of("access-key",
            "AWS access key ID in a code block; move it to the CI secret store");
    static final Message OPEN_TODO = Message.of("open-todo", "Open TODO: \"{0}\" it, 100% done");

    /** A fenced block without a language; fixable by adding a tag. */
    static final class UntaggedFence implements DocumentRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/untagged-fence", Level.WARNING, "Fenced code block without a language tag",
                    "Readers and tools cannot tell what the block holds.\n\n**How to fix**: tag the fence:\n\n```yaml\nstages: []\n```",
                    List.of("markdown", "style")).asFixable().withMessages(NO_TAG);
        }

        @Override
        public void check(DocumentContext context) {
            for (CodeBlock block : context.document().codeBlocks()) {
                if (block.fenced() && !block.hasLanguage()) {
                    int at = block.openingFence().start().offset() + 3;
                    context.report(Report.of(block.openingFence(), NO_TAG)
                            .withFix(Fix.edit("Tag the block as yaml", TextEdit.insert(at, "yaml"))));
                }
            }
        }
    }

    /** A fake access key; sensitive. */
    static final class Secret implements DocumentRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/secret", Level.ERROR, "Credential written into the document",
                    "Anyone who can read the document can use the key.\n\n**How to fix**: reference a secret store:\n\n"
                            + "```yaml\nAWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n```",
                    List.of("security", "secrets")).withSecuritySeverity("9.0").withMessages(ACCESS_KEY);
        }

        @Override
        public void check(DocumentContext context) {
            String text = context.document().text();
            for (int at = text.indexOf("AKIA"); at >= 0; at = text.indexOf("AKIA", at + 1)) {
                context.report(Report.of(context.document().source().range(at, at + 20), ACCESS_KEY).asSensitive());
            }
        }
    }

    /** TODO markers, pointing at the document title as related location. */
    static final class Todo implements DocumentRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/todo", Level.NOTE, "Open TODO in a planning document",
                    "A plan with open items is not finished.\n\n**How to fix**: resolve the item or track it in an issue.",
                    List.of("completeness", "heuristic")).withMessages(OPEN_TODO);
        }

        @Override
        public void check(DocumentContext context) {
            String text = context.document().text();
            SourceFile source = context.document().source();
            for (int at = text.indexOf("TODO"); at >= 0; at = text.indexOf("TODO", at + 1)) {
                List<Location> related = context.document().headings().isEmpty() ? List.of()
                        : List.of(new Location(context.document().path(), context.document().headings().get(0).range(),
                                "the document this item belongs to"));
                context.report(Report.of(source.range(at, at + 4), OPEN_TODO, "resolve, or track")
                        .withRelated(related));
            }
        }
    }

    /** A rule that never fires: it must still be described in the run. */
    static final class Silent implements DocumentRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/silent", Level.ERROR, "Never fires", "Nothing.\n\n**How to fix**: nothing to fix.",
                    List.of());
        }

        @Override
        public void check(DocumentContext context) {
        }
    }

    static RuleRegistry registry() {
        return new RuleRegistry(List.of(new UntaggedFence(), new Secret(), new Todo(), new Silent()));
    }

    static LintResult lint(String pipeline) {
        List<SourceFile> sources = List.of(
                SourceFile.ofText("docs/planning/cicd-pipeline.md", pipeline),
                SourceFile.ofText("docs/planning/monitoring strategy.md", MONITORING));
        Linter linter = new Linter(registry(), ConfigProvider.of(Config.defaults()), Suppressor.NONE, 1, Path.of("."),
                8L << 20);
        return linter.lintSources(sources);
    }

    /** The sample with the monitoring TODO suppressed in source and a skipped file. */
    static LintResult result() {
        LintResult result = lint(PIPELINE);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            findings.add(f.file().startsWith("docs/planning/monitoring") ? f.withSuppression("tracked in OPS-12") : f);
        }
        return new LintResult(findings, List.of(new Notice("docs/huge.md", Notice.Kind.SKIPPED,
                "skipped: larger than 8 MB")), result.sources(), result.rules(), result.filesChecked(), result.timings());
    }
}
