package io.opsdoc.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {
    private static Optional<String> guess(String content) {
        SourceFile source = SourceFile.ofText("plan.md", "```\n" + content + "\n```\n");
        CodeBlock block = new MarkdownParser().parse(source).codeBlocks().get(0);
        return LanguageGuesser.builtIn().guess(block).map(LanguageGuesser.Guess::tag);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kubectl apply -f k8s/\\nkubectl rollout status deploy/api                     | bash
            sudo apt-get update && sudo apt-get install -y jq                             | bash
            export AWS_REGION=eu-west-1\\naws s3 ls s3://acme-artifacts                  | bash
            helm upgrade --install api charts/api \\\\\\n  --set image.tag=1.2.3          | bash
            $ terraform plan\\nNo changes.                                                | console
            FROM node:20-alpine\\nRUN npm ci\\nCMD ["node", "server.js"]                  | dockerfile
            {"enabled": true, "percentage": 10}                                           | json
            SELECT id FROM orders WHERE status = 'failed';                                | sql
            graph TD\\n  A --> B                                                          | mermaid
            --- a/main.tf\\n+++ b/main.tf\\n@@ -1,2 +1,2 @@                               | diff
            rate(http_requests_total{job="api"}[5m]) > 0.05                               | promql
            resource "aws_s3_bucket" "logs" {\\n  bucket = "acme-logs"\\n}                  | terraform
            job "api" {\\n  datacenters = ["dc1"]\\n}                                        | hcl
            replicas: 3\\nstrategy:\\n  type: RollingUpdate                               | yaml
            - name: checkout\\n  image: ghcr.io/acme/checkout:1.8.0                       | yaml
            - {name, image}\\n- {name, tag}                                              | yaml
            ? key\\n: - nested\\n  - list                                              | yaml
            pipeline { stages = 3 }                                                       | hcl
            """)
    void recognises(String content, String tag) {
        assertThat(guess(content.replace("\\n", "\n"))).contains(tag);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            deployment.apps/checkout rolled back
            Error: connection refused
            Environment: production
            WARNING: page verification failed\\nERROR: invalid page in block 0
            replicas: 3\\nimage: ghcr.io/acme/api:1.2.3
            - one\\n- two
            set -euo pipefail\\nmy-custom-tool --flag
            api_latency_seconds
            region = "eu-west-1"\\ninstance_type = "t3.micro"
            Update the runbook before the release
            """)
    void staysQuietWhenUnsure(String content) {
        assertThat(guess(content.replace("\\n", "\n"))).isEmpty();
    }

    @Test
    void emptyBlockHasNoGuess() {
        assertThat(guess("")).isEmpty();
    }
}
