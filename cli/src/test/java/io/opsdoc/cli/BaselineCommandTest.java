package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code opsdoc baseline} then {@code opsdoc check --baseline}: only findings added after the baseline are reported. */
class BaselineCommandTest {
    /** Problems several built-in rules report (heading jump, fence without language, placeholder). */
    private static final String PROBLEMS = """

            ## Rollout Notes

            #### Canary

            ```
            kubectl rollout status deployment/api --timeout=5m
            ```

            Owner: TBD
            """;

    private static final String DOC = """
            # Deployment Strategy

            ## Deployment Strategy Overview

            Releases go out through a canary that takes 5% of traffic for fifteen minutes.
            """ + PROBLEMS;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline.json", "baseline.sarif"})
    void reportsOnlyNewFindings(String baselineName, @TempDir Path dir) throws Exception {
        Path doc = dir.resolve("deployment-strategy.md");
        Files.writeString(doc, DOC);
        Path baseline = dir.resolve(baselineName);
        Run made = run("baseline", doc.toString(), "--output", baseline.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(baseline).exists();

        JsonNode before = new ObjectMapper().readTree(run("check", doc.toString(), "--format", "json").out());
        int known = before.path("findings").size();

        // Unrelated lines above shift every finding; the same problems again at the end are new.
        String edited = DOC.replace("## Deployment Strategy Overview\n",
                "## Deployment Strategy Overview\n\nAdded paragraph one.\n\nAdded paragraph two.\n") + PROBLEMS;
        Files.writeString(doc, edited);
        int firstNewLine = (int) edited.substring(0, edited.length() - PROBLEMS.length()).lines().count() + 1;

        JsonNode all = new ObjectMapper().readTree(run("check", doc.toString(), "--format", "json", "--fail-on", "none").out())
                .path("findings");
        long inNewPart = 0;
        for (JsonNode finding : all) {
            inNewPart += finding.path("line").asInt() >= firstNewLine ? 1 : 0;
        }
        assumeTrue(inNewPart > 0, "no built-in rule reports the sample problems yet");

        Run check = run("check", doc.toString(), "--format", "json", "--fail-on", "none", "--baseline", baseline.toString());
        assertThat(check.code()).as(check.err()).isZero();
        JsonNode findings = new ObjectMapper().readTree(check.out()).path("findings");
        assertThat(findings.size()).as(findings.toString()).isEqualTo(inNewPart).isEqualTo(all.size() - known);
        for (JsonNode finding : findings) {
            assertThat(finding.path("line").asInt()).as(finding.toString()).isGreaterThanOrEqualTo(firstNewLine);
        }

        Run text = run("check", doc.toString(), "--fail-on", "none", "--baseline", baseline.toString());
        assertThat(text.out().lines().filter(l -> l.contains(": ") && l.contains("[")).count()).isEqualTo(inNewPart);
    }

    @org.junit.jupiter.api.Test
    void missingBaselineIsAUsageError(@TempDir Path dir) throws Exception {
        Path doc = dir.resolve("deployment-strategy.md");
        Files.writeString(doc, DOC);
        Run check = run("check", doc.toString(), "--baseline", dir.resolve("none.json").toString());
        assertThat(check.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.err()).contains("does not exist");
    }
}
