package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 7: no secret reaches any output format. Other rules quote the lines that hold
 * them (an Alertmanager route sending to a Slack webhook URL, an action pinned to a token), and
 * SARIF shows the flagged lines as snippets; the prose passwords must be found and not echoed.
 */
class SecretMaskingCliTest {
    private static final String DOCUMENT = """
            # Alerting and CI

            The admin password: hunter2
            Fallback login for the console: password=hunter2

            ```yaml
            route:
              receiver: https://hooks.slack.com/services/T000/B000/XXXX
              routes:
                - receiver: https://hooks.slack.com/services/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
            receivers:
              - name: ops
            ```

            ```yaml
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: foo/bar@ghp_4kQm8Zt2VnYx5LwR0cJ4bHs7KdMpE9fA1gUo
            ```
            """;
    /** Parts of each secret: none may appear, whole or cut. */
    private static final List<String> SECRETS = List.of("hunter2", "T000/B000/XXXX", "q8Zt2VnYx5LwR0cJ4bHs7KdM",
            "B06GZ1RMN3P", "4kQm8Zt2VnYx5LwR0cJ4bHs7KdMpE9fA1gUo");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "checkstyle", "github"})
    void noFormatPrintsASecret(String format) throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.md"), DOCUMENT, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("check", plan.toString(), "--format", format);
        Path report = dir.resolve("report." + format);
        CliRun toFile = CliRun.of("check", plan.toString(), "--format", format, "-o", report.toString());
        String written = Files.readString(report, StandardCharsets.UTF_8);

        // The findings are there (the rules still see the problems) ...
        assertThat(run.out()).contains("unknown-receiver").contains("unpinned-action").contains("hardcoded-secret");
        assertThat(written).contains("unknown-receiver").contains("unpinned-action");
        // ... but not the secrets, on either stream or in the file.
        for (String secret : SECRETS) {
            assertThat(run.out()).as(format + " stdout").doesNotContain(secret);
            assertThat(run.err()).as(format + " stderr").doesNotContain(secret);
            assertThat(toFile.out() + toFile.err()).as(format + " streams with -o").doesNotContain(secret);
            assertThat(written).as(format + " report file").doesNotContain(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text"})
    void prosePasswordsAreFoundOnTheirLines(String format) throws IOException {
        Path plan = Files.writeString(dir.resolve("plan.md"), DOCUMENT, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("check", plan.toString(), "--format", format);
        assertThat(run.out()).contains("plan.md:3:21: error [security/hardcoded-secret]")
                .contains("plan.md:4:42: error [security/hardcoded-secret]");
    }
}
