package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.engine.SourceLoader;
import io.opsdoc.core.engine.Suppressor;
import io.opsdoc.core.fix.FixSafety;
import io.opsdoc.core.fix.FixSession;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * On generated planning documents (random headings, prose, fenced blocks with and without tags
 * holding YAML, JSON, HCL or shell, LF or CRLF, with or without BOM and final newline), the fix
 * session with the real rules never throws, only adds lines or language tags, and is idempotent.
 */
class FixPropertyTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();
    private static final Path FOLDER = Path.of("generated-set").toAbsolutePath();

    private static final List<String> TITLES = List.of("CI/CD Overview", "Overview", "Pipeline Stages", "Branch Strategy",
            "Failure Handling", "Secrets", "Networking", "Compute Resources", "Database", "State Management",
            "Alerting", "SLIs, SLOs, SLAs", "Health Checks", "Rollback Procedures", "Deployment Process",
            "Feature Flags", "Notes", "Appendix", "Infrastructure Components");
    private static final List<String> PROSE = List.of(
            "Every merge to main deploys to staging; production needs an approval.",
            "The service runs in three availability zones behind an Application Load Balancer.",
            "- Prometheus scrapes every pod every 30 seconds\n- Alertmanager routes to PagerDuty",
            "| Stage | Target |\n|-------|--------|\n| Build | 5 minutes |",
            "Rollbacks are rehearsed every sprint. TODO: confirm the window.",
            "1. Run the tests\n2. Build the image\n3. Deploy the canary");
    private static final List<String> CONTENTS = List.of(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3",
            "groups:\n  - name: api\n    rules:\n      - alert: HighLatency\n        expr: histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 0.5\n        for: 10m",
            "{\"staging\": {\"min\": 2, \"max\": 4}, \"production\": {\"min\": 3, \"max\": 10}}",
            "resource \"aws_s3_bucket\" \"state\" {\n  bucket = \"platform-state\"\n}",
            "kubectl rollout status deployment/api\nkubectl rollout undo deployment/api",
            "terraform plan -out=tfplan\nterraform apply tfplan",
            "on:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest",
            "just some output\n  indented: maybe",
            "");

    @Provide
    Arbitrary<String> block() {
        Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(TITLES))
                .as((level, title) -> "#".repeat(level) + " " + title);
        Arbitrary<String> prose = Arbitraries.of(PROSE);
        Arbitrary<String> fence = Combinators.combine(Arbitraries.of("```", "~~~", "````"),
                Arbitraries.of("", "", "", "yaml", "json", "hcl", "bash", "text", "yml"), Arbitraries.of(CONTENTS),
                Arbitraries.of("", "", "  ", "   "), Arbitraries.integers().between(0, 9))
                .as((marks, tag, content, indent, close) -> {
                    String body = content.isEmpty() ? "" : indent + content.replace("\n", "\n" + indent) + "\n";
                    // Rarely leave the block unclosed: it swallows the rest of the document.
                    return indent + marks + tag + "\n" + body + (close == 0 ? "" : indent + marks);
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, heading), net.jqwik.api.Tuple.of(3, prose), net.jqwik.api.Tuple.of(3, fence));
    }

    @Provide
    Arbitrary<SourceFile> document() {
        Arbitrary<String> body = block().list().ofMinSize(0).ofMaxSize(12).map(blocks -> String.join("\n\n", blocks));
        Arbitrary<String> name = Arbitraries.of("cicd-pipeline.md", "infrastructure-as-code.md", "monitoring-strategy.md",
                "deployment-strategy.md", "notes.md");
        return Combinators.combine(name, body, Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((file, text, crlf, bom, finalNewline) -> {
                    String withEnd = finalNewline ? text + "\n" : text;
                    String lines = crlf ? withEnd.replace("\n", "\r\n") : withEnd;
                    return SourceFile.of(FOLDER.resolve(file), file, (bom ? "\uFEFF" : "") + lines);
                });
    }

    private static String describe(List<SourceFile> sources) {
        StringBuilder sb = new StringBuilder();
        sources.forEach(s -> sb.append("\n=== ").append(s.displayPath()).append(" (")
                .append(s.lineEnding()).append(s.hasBom() ? ", BOM" : "").append(")\n").append(s.text()));
        return sb.toString();
    }

    private static FixSession session() {
        // One worker: the generated sets are tiny and thread start-up would dominate.
        Linter linter = new Linter(REGISTRY, ConfigProvider.of(Config.defaults()), Suppressor.NONE, 1, FOLDER.getParent(),
                SourceLoader.DEFAULT_MAX_BYTES);
        return new FixSession(sources -> {
            LintResult result = linter.lintSources(sources);
            assertThat(result.notices()).as("no rule fails on generated input").isEmpty();
            return result.findings();
        }, f -> REGISTRY.get(f.ruleId()).map(r -> r.meta().fixable()).orElse(false),
                p -> FOLDER.relativize(p).toString(), p -> false, FixSession.DEFAULT_MAX_ROUNDS);
    }

    @Property(tries = 50)
    void fixOnlyAddsOrRetagsAndIsIdempotent(@ForAll("document") SourceFile first, @ForAll("document") SourceFile second) {
        List<SourceFile> sources = first.displayPath().equals(second.displayPath()) ? List.of(first) : List.of(first, second);
        FixSession.Outcome outcome = session().run(sources, Optional.empty());
        assertThat(outcome.converged()).as("converged on %s", describe(sources)).isTrue();
        for (FixSession.FileResult file : outcome.files()) {
            assertThat(file.refused()).as("fixes of %s were safe", file.displayPath()).isEmpty();
            if (!file.created()) {
                SourceFile original = file.original().get();
                String before = (original.hasBom() ? "\uFEFF" : "") + original.text();
                assertThat(FixSafety.onlyAddsOrRetags(before, file.text())).isTrue();
                assertThat(FixSafety.problem(before, file.text())).isEmpty();
            }
        }
        FixSession.Outcome again = session().run(outcome.sources(), Optional.empty());
        assertThat(again.changed()).as("a second fix changes nothing on %s", describe(sources)).isEmpty();
    }
}
