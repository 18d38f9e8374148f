package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 3: markdown/broken-link reads no file outside the checked repository (or the
 * checked folder outside a repository), follows no symbolic link out of it, parses no linked file
 * over --max-file-size, and never shows the headings of a file it did not check.
 */
class BrokenLinkScopeCliTest {
    private static final String OUTSIDE = "# Outside\n\n## Quarterly Payroll Figures\n\nNot part of the checked tree.\n";

    @TempDir
    Path dir;

    @Test
    void outsideTargetsAreNotedNotReadOutsideARepository() throws IOException {
        Files.writeString(dir.resolve("outside.md"), OUTSIDE, StandardCharsets.UTF_8);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("inside.md"), "# Inside\n\n## Rollback Procedure\n", StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("plan.md"), """
                # Plan

                See [payroll](../outside.md#quarterly-payroll-figure) and [the file](../outside.md).
                Missing outside: [gone](../nowhere.md).
                Inside: [rollback](inside.md#rollback-procedur).
                """, StandardCharsets.UTF_8);
        boolean linked = symlink(docs.resolve("mirror.md"), Path.of("../outside.md"));
        if (linked) {
            Files.writeString(docs.resolve("via-link.md"), "# Via link\n\n[payroll](mirror.md#quarterly-payroll-figure)\n",
                    StandardCharsets.UTF_8);
        }

        CliRun run = CliRun.of("check", docs.toString(), "--format", "json");
        List<JsonNode> links = findings(run, "markdown/broken-link");

        assertThat(run.out() + run.err()).doesNotContain("quarterly-payroll-figures").doesNotContain("Payroll Figures");
        assertThat(texts(links, "plan.md", 3)).hasSize(2).allMatch(t -> t.startsWith("note|") && t.contains("outside the checked"));
        // Whether an outside file exists is not told either.
        assertThat(texts(links, "plan.md", 4)).singleElement().matches(t -> t.startsWith("note|") && t.contains("outside the checked"));
        // Inside the tree the rule still checks and suggests.
        assertThat(texts(links, "plan.md", 5)).singleElement().matches(t -> t.startsWith("warning|")
                && t.contains("did you mean '#rollback-procedure'"));
        if (linked) {
            assertThat(texts(links, "via-link.md", 3)).singleElement()
                    .matches(t -> t.startsWith("note|") && t.contains("outside the checked"));
        }
    }

    @Test
    void theRepositoryIsTheLimitWhenThereIsOne() throws IOException {
        Files.writeString(dir.resolve("outside.md"), OUTSIDE, StandardCharsets.UTF_8);
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve("README.md"), "# Readme\n\n## Getting Started\n", StandardCharsets.UTF_8);
        Path docs = Files.createDirectories(repo.resolve("docs"));
        Files.writeString(docs.resolve("plan.md"), """
                # Plan

                Start with [the readme](../README.md#getting-startd).
                Not this: [payroll](../../outside.md#quarterly-payroll-figure).
                """, StandardCharsets.UTF_8);

        CliRun run = CliRun.of("check", docs.toString(), "--format", "json");
        List<JsonNode> links = findings(run, "markdown/broken-link");

        assertThat(texts(links, "plan.md", 3)).singleElement().matches(t -> t.contains("did you mean '#getting-started'"));
        assertThat(texts(links, "plan.md", 4)).singleElement().matches(t -> t.startsWith("note|") && t.contains("outside"));
        assertThat(run.out()).doesNotContain("quarterly-payroll-figures");
    }

    @Test
    void aLinkedFileOverTheSizeLimitIsNotParsed() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        String big = "# Big\n\n## Hidden Heading\n\n" + "padding line of the large appendix\n".repeat(40_000);
        Files.writeString(docs.resolve("appendix.md"), big, StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("plan.md"), "# Plan\n\nSee [appendix](appendix.md#hidden-headin).\n",
                StandardCharsets.UTF_8);

        CliRun run = CliRun.of("check", docs.resolve("plan.md").toString(), "--format", "json", "--max-file-size", "1");
        List<JsonNode> links = findings(run, "markdown/broken-link");

        assertThat(texts(links, "plan.md", 3)).singleElement()
                .matches(t -> t.startsWith("note|") && t.contains("larger than the 1 MB limit"));
        assertThat(run.out()).doesNotContain("hidden-heading");
    }

    /**
     * Issue 14: a file linked to before the run reached it is checked at once by the linking
     * worker (parsed once, not also by the rule); whatever the order, its anchors, the findings in
     * the linking file, their positions and its suppressions are the same.
     */
    @Test
    void anchorsOfAFileNotReachedYetGiveTheSameFindingsWithAnyNumberOfWorkers() throws IOException {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a-plan.md"), """
                # Plan

                Roll back as in [rollback](z-runbook.md#rollback-procedure) or [drain](z-runbook.md#drain).

                <!-- opsdoc-disable-next-line markdown/broken-link -- renamed next sprint -->
                Old: [failover](z-runbook.md#fail-over).
                Back: [plan](m-notes.md#plan).
                """, StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("m-notes.md"), "# Notes\n\n[runbook](z-runbook.md#rollback-procedures)\n",
                StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("z-runbook.md"), """
                # Runbook

                ## Rollback Procedures

                <a name="Drain"></a>
                [plan](a-plan.md#plans) [notes](m-notes.md#notes)
                """, StandardCharsets.UTF_8);

        List<String> expected = null;
        for (String jobs : List.of("1", "2", "4")) {
            CliRun run = CliRun.of("check", docs.toString(), "--format", "json", "--jobs", jobs);
            List<String> described = findings(run, "markdown/broken-link").stream()
                    .map(f -> f.get("file").asText().replaceAll(".*/", "") + ":" + f.get("line").asInt() + ":"
                            + f.get("column").asInt() + " " + f.get("message").asText()
                            + (f.path("suppressed").asBoolean() ? " [suppressed]" : ""))
                    .toList();
            if (expected == null) {
                expected = described;
                assertThat(described).anyMatch(t -> t.startsWith("a-plan.md:3:")
                        && t.contains("'#rollback-procedure'; did you mean '#rollback-procedures'?"));
                assertThat(described).anyMatch(t -> t.startsWith("z-runbook.md:6:") && t.contains("'#plans'")
                        && t.contains("did you mean '#plan'?"));
                assertThat(described).anyMatch(t -> t.startsWith("a-plan.md:7:14 ") && t.contains("in 'm-notes.md' produces '#plan'"));
                assertThat(described).noneMatch(t -> t.contains("produces '#drain'") || t.contains("produces '#notes'")
                        || t.contains("produces '#rollback-procedures'"));
                assertThat(described).filteredOn(t -> t.contains("'#fail-over'")).singleElement()
                        .matches(t -> t.startsWith("a-plan.md:6:") && t.endsWith("[suppressed]"));
            }
            assertThat(described).as("--jobs " + jobs).isEqualTo(expected);
        }
    }

    private static List<JsonNode> findings(CliRun run, String rule) throws IOException {
        JsonNode root = new ObjectMapper().readTree(run.out());
        List<JsonNode> result = new ArrayList<>();
        root.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals(rule)) {
                result.add(f);
            }
        });
        return result;
    }

    /** "level|message" of the findings on one line of one file. */
    private static List<String> texts(List<JsonNode> findings, String file, int line) {
        return findings.stream().filter(f -> f.get("file").asText().endsWith("/" + file) && f.get("line").asInt() == line)
                .map(f -> f.get("level").asText() + "|" + f.get("message").asText()).toList();
    }

    private static boolean symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("symbolic links unavailable: " + e.getMessage());
            return false;
        }
    }
}
