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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated planning documents (headings, prose, tables, task lists and embedded YAML, JSON, HCL,
 * PromQL and shell blocks, valid or damaged, nested in lists and block quotes, with CRLF line
 * endings and a BOM) through the whole engine with every rule: no rule may fail, every finding
 * must point inside the file, and two runs must give the same findings.
 */
class EnginePropertiesTest {
    private static RuleRegistry registry;

    @BeforeContainer
    static void loadRules() {
        registry = RuleRegistry.load();
    }

    @Property(tries = 80)
    void everyRuleSurvivesAndReportsInsideTheFile(@ForAll("documents") String text, @ForAll("names") String name) {
        SourceFile source = SourceFile.ofText("docs/planning/" + name, text);
        Linter linter = Linter.withDefaults(registry, Path.of("").toAbsolutePath());

        LintResult first = linter.lintSources(List.of(source));
        LintResult second = linter.lintSources(List.of(SourceFile.ofText("docs/planning/" + name, text)));

        assertThat(first.notices()).filteredOn(n -> n.kind() == Notice.Kind.ERROR).isEmpty();
        for (Finding finding : first.findings()) {
            assertInside(source, finding, finding.range().start());
            assertInside(source, finding, finding.range().end());
        }
        assertThat(describe(second)).isEqualTo(describe(first));
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

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("cicd-pipeline.md", "infrastructure-as-code.md", "monitoring-strategy.md",
                "deployment-strategy.md", "notes.md");
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<List<String>> parts = part().list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(parts, Arbitraries.of(false, true), Arbitraries.of(false, true), Arbitraries.of(false, true))
                .as((list, crlf, bom, frontMatter) -> {
                    String body = (frontMatter ? "---\ntype: cicd-pipeline\nowner: platform\n---\n" : "")
                            + "# Checkout service plan\n\n" + String.join("\n", list);
                    String text = crlf ? body.replace("\n", "\r\n") : body;
                    return bom ? "\ufeff" + text : text;
                });
    }

    private Arbitrary<String> part() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, heading()),
                net.jqwik.api.Tuple.of(3, prose()),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("| Stage | Owner |\n|---|---|\n| build | `ci` |\n| deploy | TBD |\n")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("- [ ] add a rollback test\n- [x] pin actions to a SHA\n")),
                net.jqwik.api.Tuple.of(5, nested(codeBlock())),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("<!-- opsdoc-disable-next-line markdown/code-block-language -->\n")));
    }

    private Arbitrary<String> heading() {
        return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.of("Overview", "Stages", "Rollback",
                "Alerting", "Environments", "Secrets", "Service level objectives", "Health checks", "TODO", ""))
                .as((level, title) -> "#".repeat(level) + " " + title + "\n");
    }

    private Arbitrary<String> prose() {
        return Arbitraries.of(
                "Deploys go to staging, then production after approval. Rollback takes 10 minutes.\n",
                "The SLO is 99.9% availability over 30 days; the error budget is 43 minutes.\n",
                "Alert when the error rate exceeds 1% for 5m. See https://runbooks.example.com/checkout.\n",
                "Set `API_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB` in the vault, never in code.\n",
                "Health endpoint: `/healthz` on port 8080. TBD: decide between blue-green and canary.\n",
                "Text with a tab\tand unicode: é, 中文, 😀 and a [link](#overview) and [[double]] brackets.\n",
                "");
    }

    /** Places a block at top level, inside a list item, or inside a block quote (possibly both). */
    private Arbitrary<String> nested(Arbitrary<String> block) {
        return Combinators.combine(block, Arbitraries.of("", "- ", "> ", "1. ", "> - ", "- > "))
                .as((text, prefix) -> {
                    if (prefix.isEmpty()) {
                        return text;
                    }
                    String continuation = prefix.replace("-", " ").replace("1.", "  ").replace(">", ">");
                    String[] lines = text.split("\n", -1);
                    StringBuilder out = new StringBuilder("Intro line\n\n");
                    for (int i = 0; i < lines.length; i++) {
                        out.append(i == 0 ? prefix : continuation).append(lines[i]).append('\n');
                    }
                    return out.toString();
                });
    }

    private Arbitrary<String> codeBlock() {
        Arbitrary<String> language = Arbitraries.of("yaml", "yml", "json", "hcl", "terraform", "promql", "bash", "sh", "",
                "dockerfile");
        Arbitrary<String> content = Arbitraries.oneOf(
                Arbitraries.of(YAML_SAMPLES), Arbitraries.of(JSON_SAMPLES), Arbitraries.of(HCL_SAMPLES),
                Arbitraries.of(PROMQL_SAMPLES), Arbitraries.of(SHELL_SAMPLES));
        Arbitrary<Integer> damage = Arbitraries.integers().between(0, 3);
        Arbitrary<Boolean> closed = Arbitraries.of(true, true, true, false);
        return Combinators.combine(language, content, damage, closed, Arbitraries.of("```", "~~~", "````"))
                .as((lang, text, cut, isClosed, fence) -> {
                    String body = switch (cut) {
                        case 1 -> text.substring(0, text.length() / 2);
                        case 2 -> text.replace(":", "").replace("{", "");
                        case 3 -> text + "\n  :\t- [}\n";
                        default -> text;
                    };
                    return fence + lang + "\n" + body + (body.endsWith("\n") ? "" : "\n") + (isClosed ? fence + "\n" : "");
                });
    }

    private static final String[] YAML_SAMPLES = {
        "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
            + "      - uses: actions/checkout@v2\n      - run: make test\n        env:\n          TOKEN: ${{ secrets.T }}\n",
        "groups:\n  - name: api\n    rules:\n      - alert: HighErrors\n        expr: rate(errors_total[5m]) > 0.05\n"
            + "        for: 10m\n        labels:\n          severity: page\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  strategy:\n"
            + "    type: Recreate\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:latest\n",
        "a: &anchor {x: 1}\nb: *anchor\nc: [1, 2, {d: e}]\n---\nsecond: document\npassword: hunter2\n",
        "key: value\n...\n",
    };
    private static final String[] JSON_SAMPLES = {
        "{\"name\": \"web\", \"replicas\": 3, \"ports\": [80, 443]}",
        "{\n  // comment\n  \"a\": [1, 2,],\n}",
        "[{\"alert\": \"A\", \"expr\": \"up == 0\"}]",
        "{\"a\": {\"b\": {\"c\": [[[[]]]]}}}",
    };
    private static final String[] HCL_SAMPLES = {
        "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs-${var.env}\"\n  acl    = \"public-read\"\n}\n",
        "terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}\n",
        "module \"vpc\" {\n  source = \"git::https://example.com/vpc.git\"\n  cidr = var.cidr\n  count = var.enabled ? 1 : 0\n}\n",
        "locals {\n  tags = { for k, v in var.tags : k => upper(v) }\n  list = [for s in var.list : s if s != \"\"]\n}\n",
    };
    private static final String[] PROMQL_SAMPLES = {
        "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.01",
        "histogram_quantile(0.99, rate(latency_bucket[5m])) > 0.5",
        "up == 0",
        "rate(foo[5x]) >",
    };
    private static final String[] SHELL_SAMPLES = {
        "set -euo pipefail\nkubectl apply -f deploy.yaml\ncurl -fsS https://example.com/healthz\n",
        "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nterraform apply -auto-approve\n",
        "docker run --privileged -v /:/host image:latest\n",
    };
}
