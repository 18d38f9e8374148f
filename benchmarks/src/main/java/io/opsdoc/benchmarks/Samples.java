package io.opsdoc.benchmarks;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;

/**
 * Synthetic but realistic planning documents for the benchmarks: headings, prose, tables, lists
 * and embedded YAML (a workflow, Kubernetes, Prometheus alerts), HCL and shell. Generated rather
 * than read from disk so the benchmarks run from any folder.
 */
final class Samples {
    private Samples() {
    }

    /** A monitoring/pipeline document with {@code stages} repeated stage sections. */
    static String planningDocument(int stages) {
        StringBuilder md = new StringBuilder();
        md.append("---\ntype: cicd-pipeline\n---\n# Checkout service: CI/CD pipeline\n\n");
        md.append("## Overview\n\nThe pipeline builds, tests and deploys the checkout service to staging and production.\n")
                .append("Owners: the payments platform team. Rollback takes under 10 minutes.\n\n");
        md.append("| Stage | Trigger | Duration |\n|---|---|---|\n| build | push | 5m |\n| deploy | tag | 15m |\n\n");
        for (int i = 0; i < stages; i++) {
            md.append("## Stage ").append(i).append(": build and test\n\n")
                    .append("Each stage runs on a clean runner. Secrets come from the vault, never from the repository.\n")
                    .append("See [the runbook](https://runbooks.example.com/checkout/stage-").append(i).append(") for failures.\n\n")
                    .append("- [ ] cache dependencies\n- [x] run unit tests\n  - with coverage above 80%\n\n")
                    .append("> Note: keep the job under 15 minutes so the pipeline time budget holds.\n\n")
                    .append(WORKFLOW)
                    .append(ALERTS)
                    .append(TERRAFORM)
                    .append("```bash\nset -euo pipefail\nkubectl rollout status deployment/checkout -n prod --timeout=5m\n```\n\n");
        }
        return md.toString();
    }

    static SourceFile source(String text) {
        return SourceFile.ofText("docs/planning/cicd-pipeline.md", text);
    }

    static MarkdownDocument parse(String text) {
        return new MarkdownParser().parse(source(text));
    }

    /** The first block of the given language in a parsed document. */
    static CodeBlock firstBlock(MarkdownDocument document, String language) {
        return document.codeBlocks().stream().filter(b -> b.isLanguage(language)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + language + " block"));
    }

    static final String WORKFLOW = """
            ```yaml
            name: ci
            on:
              push:
                branches: [main]
            permissions:
              contents: read
            jobs:
              build:
                runs-on: ubuntu-22.04
                timeout-minutes: 15
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-java@v4
                    with:
                      distribution: temurin
                      java-version: "17"
                  - run: ./mvnw -B verify
                  - name: deploy
                    if: github.ref == 'refs/heads/main'
                    env:
                      TOKEN: ${{ secrets.DEPLOY_TOKEN }}
                    run: ./deploy.sh staging
            ```

            """;

    static final String ALERTS = """
            ```yaml
            groups:
              - name: checkout
                rules:
                  - alert: CheckoutHighErrorRate
                    expr: sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.01
                    for: 10m
                    labels:
                      severity: page
                    annotations:
                      summary: Checkout error rate above 1%
                      runbook_url: https://runbooks.example.com/checkout/errors
                  - alert: CheckoutLatencyHigh
                    expr: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="checkout"}[5m]))) > 0.5
                    for: 15m
                    labels:
                      severity: ticket
            ```

            """;

    static final String TERRAFORM = """
            ```hcl
            resource "aws_s3_bucket" "artifacts" {
              bucket = "checkout-artifacts-${var.environment}"
              tags = {
                owner       = "payments"
                environment = var.environment
              }
            }

            module "service" {
              source  = "terraform-aws-modules/ecs/aws"
              version = "5.7.4"
              desired_count = var.environment == "prod" ? 3 : 1
            }
            ```

            """;
}
