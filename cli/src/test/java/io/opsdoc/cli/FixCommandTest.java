package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.fix.FixSafety;
import io.opsdoc.core.fix.FixSession;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code opsdoc fix} end to end on a realistic planning set (test resource {@code fix-case}):
 * missing sections, untagged YAML/JSON/shell blocks (one inside a list, one with a tilde fence)
 * and a missing monitoring strategy.
 */
class FixCommandTest {
    private static final String[] FIXED_AWAY = {"[structure/required-section]", "[markdown/code-block-language]",
        "[structure/required-document]"};

    @TempDir
    Path temp;

    private Path planning() throws IOException, URISyntaxException {
        Path source = Path.of(FixCommandTest.class.getResource("fix-case/docs/planning").toURI());
        Path target = temp.resolve("docs/planning");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private FixTargets targets() {
        return FixTargets.of(java.util.List.of(temp), temp);
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() throws Exception {
        Path planning = planning();
        Map<String, String> before = snapshot(planning);
        CliRun run = CliRun.of("fix", planning.toString(), "--dry-run", "--fail-on", "none");
        assertThat(snapshot(planning)).isEqualTo(before);
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--- " + planning.resolve("cicd-pipeline.md").toString().replace('\\', '/'))
                .contains("@@ -").contains("-```\n+```yaml\n").contains("+## Pipeline Philosophy\n")
                .contains("--- /dev/null\n+++ ").contains("+# Monitoring Strategy\n");
        assertThat(run.err()).contains("would fix ").contains("would create ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lf", "crlf-bom"})
    void fixReachesTheFixedPointAndKeepsEveryLine(String variant) throws Exception {
        Path planning = planning();
        if (variant.equals("crlf-bom")) {
            for (Map.Entry<String, String> e : snapshot(planning).entrySet()) {
                Files.writeString(planning.resolve(e.getKey()), "\uFEFF" + e.getValue().replace("\n", "\r\n"),
                        StandardCharsets.UTF_8);
            }
        }
        Map<String, String> before = snapshot(planning);
        CliRun run = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("cicd-pipeline.md: 4 fixes (markdown/code-block-language x2, structure/required-section x2)")
                .contains("created " + planning.resolve("monitoring-strategy.md").toString().replace('\\', '/'));
        Map<String, String> after = snapshot(planning);
        assertThat(after).containsKey("monitoring-strategy.md");
        for (Map.Entry<String, String> e : before.entrySet()) {
            String fixed = after.get(e.getKey());
            assertThat(fixed).as(e.getKey()).isNotEqualTo(e.getValue());
            assertThat(FixSafety.onlyAddsOrRetags(e.getValue(), fixed)).as(e.getKey()).isTrue();
            assertThat(FixSafety.problem(e.getValue(), fixed)).as(e.getKey()).isEmpty();
            if (variant.equals("crlf-bom")) {
                assertThat(fixed).startsWith("\uFEFF").doesNotContain("\n\n").endsWith("\r\n");
                assertThat(fixed.replace("\r\n", "")).doesNotContain("\n");
            }
        }
        try (Stream<Path> list = Files.list(planning)) {
            assertThat(list.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".md"));
        }
        CliRun check = CliRun.of("check", planning.toString(), "--fail-on", "none");
        assertThat(check.out()).doesNotContain(FIXED_AWAY);

        CliRun again = CliRun.of("fix", planning.toString(), "--fail-on", "none");
        assertThat(snapshot(planning)).as("a second fix changes nothing").isEqualTo(after);
        assertThat(again.out()).doesNotContain(" fixes (", " fix (", "created ");
    }

    @Test
    void exitsLikeCheckOnWhatRemains() throws Exception {
        Path planning = planning();
        assertThat(CliRun.of("fix", planning.toString(), "--fail-on", "note").code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("fix", planning.toString(), "--fail-on", "bogus").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFileChangedDuringTheRunIsNotOverwritten() throws Exception {
        Path file = temp.resolve("deployment-strategy.md");
        String original = "# Deployment Strategy\n\n```\nkubectl get pods\n```\n";
        Files.writeString(file, original, StandardCharsets.UTF_8);
        FixCommand.DiskState state = FixCommand.diskState(file);
        SourceFile source = SourceFile.of(file, "deployment-strategy.md", original);
        SourceFile fixed = SourceFile.of(file, "deployment-strategy.md", original.replace("```\nkubectl", "```bash\nkubectl"));
        FixSession.FileResult result = new FixSession.FileResult("deployment-strategy.md", file, Optional.of(source), fixed,
                Map.of("markdown/code-block-language", 1), Optional.empty(), Optional.empty());

        String edited = original + "\nA line the user typed meanwhile.\n";
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        assertThat(FixCommand.write(result, file, targets(), state)).hasValueSatisfying(m -> assertThat(m).contains("changed on disk"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(edited);

        Files.writeString(file, original, StandardCharsets.UTF_8);
        assertThat(FixCommand.write(result, file, targets(), FixCommand.diskState(file))).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("```bash\n");
        try (Stream<Path> list = Files.list(temp)) {
            assertThat(list).as("no temp file left behind").hasSize(1);
        }
    }

    @Test
    void refusesToWriteTextThatLosesALineAndNeverOverwritesOnCreate() throws Exception {
        Path file = temp.resolve("cicd-pipeline.md");
        String original = "# CI/CD Pipeline\n\nOur words.\n";
        Files.writeString(file, original, StandardCharsets.UTF_8);
        SourceFile source = SourceFile.of(file, "cicd-pipeline.md", original);
        SourceFile rewritten = SourceFile.of(file, "cicd-pipeline.md", "# CI/CD Pipeline\n\nOther words.\n");
        FixSession.FileResult lossy = new FixSession.FileResult("cicd-pipeline.md", file, Optional.of(source), rewritten,
                Map.of("x/y", 1), Optional.empty(), Optional.empty());
        assertThat(FixCommand.write(lossy, file, targets(), FixCommand.diskState(file))).hasValueSatisfying(m -> assertThat(m).contains("lose"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);

        FixSession.FileResult create = new FixSession.FileResult("cicd-pipeline.md", file, Optional.empty(),
                SourceFile.of(file, "cicd-pipeline.md", "# scaffold\n"), Map.of(), Optional.of("structure/required-document"),
                Optional.empty());
        assertThat(FixCommand.write(create, file, targets(), null)).hasValueSatisfying(m -> assertThat(m).contains("already exists"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(original);
    }
}
