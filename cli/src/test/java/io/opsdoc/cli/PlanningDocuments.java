package io.opsdoc.cli;

import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated planning documents for the engine's and the fix engine's property and fuzz tests:
 * headings, prose, tables, task lists and fenced blocks with or without language tags holding
 * YAML, JSON, HCL, PromQL or shell (intact or damaged, closed or not, nested in lists and block
 * quotes), with LF or CRLF, with or without BOM, front matter and final newline, plus free text
 * from {@link Choices#text}.
 */
final class PlanningDocuments {
    static final List<String> NAMES = List.of("cicd-pipeline.md", "infrastructure-as-code.md", "monitoring-strategy.md",
            "deployment-strategy.md", "notes.md");

    private static final List<String> TITLES = List.of("CI/CD Overview", "Overview", "Pipeline Stages", "Stages",
            "Branch Strategy", "Failure Handling", "Secrets", "Networking", "Compute Resources", "Database",
            "State Management", "Alerting", "SLIs, SLOs, SLAs", "Service level objectives", "Health Checks",
            "Rollback Procedures", "Rollback", "Deployment Process", "Environments", "Feature Flags", "Notes",
            "Appendix", "Infrastructure Components", "TODO", "");
    private static final List<String> PROSE = List.of(
            "Every merge to main deploys to staging; production needs an approval.",
            "Deploys go to staging, then production after approval. Rollback takes 10 minutes.",
            "The SLO is 99.9% availability over 30 days; the error budget is 43 minutes.",
            "Alert when the error rate exceeds 1% for 5m. See https://runbooks.example.com/checkout.",
            "Set `API_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB` in the vault, never in code.",
            "Health endpoint: `/healthz` on port 8080. TBD: decide between blue-green and canary.",
            "Text with a tab\tand unicode: \u00e9, \u4e2d\u6587, \uD83D\uDE00 and a [link](#overview) and [[double]] brackets.",
            "The service runs in three availability zones behind an Application Load Balancer.",
            "- Prometheus scrapes every pod every 30 seconds\n- Alertmanager routes to PagerDuty",
            "| Stage | Owner |\n|---|---|\n| build | `ci` |\n| deploy | TBD |",
            "- [ ] add a rollback test\n- [x] pin actions to a SHA",
            "Rollbacks are rehearsed every sprint. TODO: confirm the window.",
            "1. Run the tests\n2. Build the image\n3. Deploy the canary",
            "<!-- opsdoc-disable-next-line markdown/code-block-language -->",
            "");
    private static final List<String> LANGUAGES = List.of("", "", "", "yaml", "yml", "json", "hcl", "terraform", "promql",
            "bash", "sh", "text", "dockerfile");
    private static final List<String> CONTENTS = List.of(
            "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
                    + "      - uses: actions/checkout@v2\n      - run: make test\n        env:\n          TOKEN: ${{ secrets.T }}",
            "groups:\n  - name: api\n    rules:\n      - alert: HighLatency\n        expr: histogram_quantile(0.95, "
                    + "rate(http_request_duration_seconds_bucket[5m])) > 0.5\n        for: 10m\n        labels:\n          severity: page",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  strategy:\n"
                    + "    type: Recreate\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:latest",
            "a: &anchor {x: 1}\nb: *anchor\nc: [1, 2, {d: e}]\n---\nsecond: document\npassword: hunter2",
            "{\"staging\": {\"min\": 2, \"max\": 4}, \"production\": {\"min\": 3, \"max\": 10}}",
            "{\n  // comment\n  \"a\": [1, 2,],\n}",
            "[{\"alert\": \"A\", \"expr\": \"up == 0\"}]",
            "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs-${var.env}\"\n  acl    = \"public-read\"\n}",
            "terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}",
            "locals {\n  tags = { for k, v in var.tags : k => upper(v) }\n  list = [for s in var.list : s if s != \"\"]\n}",
            "sum by (job) (rate(http_requests_total{code=~\"5..\"}[5m])) / sum by (job) (rate(http_requests_total[5m])) > 0.01",
            "rate(foo[5x]) >",
            "set -euo pipefail\nkubectl apply -f deploy.yaml\ncurl -fsS https://example.com/healthz",
            "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nterraform apply -auto-approve",
            "docker run --privileged -v /:/host image:latest",
            "just some output\n  indented: maybe",
            "");

    private PlanningDocuments() {
    }

    /** A whole document (BOM and line endings applied) for the given file name. */
    static String text(Choices choices) {
        List<String> blocks = new ArrayList<>();
        int count = choices.between(0, 12);
        for (int i = 0; i < count; i++) {
            blocks.add(block(choices));
        }
        String body = (choices.chance(3) ? "---\ntype: cicd-pipeline\nowner: platform\n---\n" : "")
                + (choices.chance(2) ? "# Checkout service plan\n\n" : "") + String.join("\n\n", blocks)
                + (choices.chance(4) ? "" : "\n");
        String text = choices.chance(2) ? body.replace("\n", "\r\n") : body;
        return choices.chance(3) ? "\uFEFF" + text : text;
    }

    static SourceFile document(Choices choices, Path folder) {
        String name = choices.pick(NAMES);
        return SourceFile.of(folder.resolve(name), name, text(choices));
    }

    private static String block(Choices choices) {
        return switch (choices.weighted(3, 3, 5, 1)) {
            case 0 -> "#".repeat(choices.between(1, 4)) + " " + choices.pick(TITLES);
            case 1 -> choices.pick(PROSE);
            case 2 -> nested(choices, fence(choices));
            default -> choices.text(120);
        };
    }

    private static String fence(Choices choices) {
        String marks = Choices.pick(choices, "```", "~~~", "````");
        String content = choices.pick(CONTENTS);
        String body = switch (choices.weighted(6, 1, 1, 1)) {
            case 1 -> content.substring(0, content.length() / 2);
            case 2 -> content.replace(":", "").replace("{", "");
            case 3 -> content + "\n  :\t- [}";
            default -> content;
        };
        String indent = Choices.pick(choices, "", "", "", "  ", "   ");
        String lines = body.isEmpty() ? "" : indent + body.replace("\n", "\n" + indent) + "\n";
        // Rarely leave the block unclosed: it swallows the rest of the document.
        return indent + marks + choices.pick(LANGUAGES) + "\n" + lines + (choices.chance(10) ? "" : indent + marks);
    }

    /** Places a block at top level, inside a list item, or inside a block quote (possibly both). */
    private static String nested(Choices choices, String block) {
        String prefix = Choices.pick(choices, "", "", "", "- ", "> ", "1. ", "> - ", "- > ");
        if (prefix.isEmpty()) {
            return block;
        }
        String continuation = prefix.replace("-", " ").replace("1.", "  ");
        String[] lines = block.split("\n", -1);
        StringBuilder out = new StringBuilder("Intro line\n\n");
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? prefix : continuation).append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
