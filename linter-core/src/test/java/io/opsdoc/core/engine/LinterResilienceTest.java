package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine keeps going when input or a rule misbehaves, and reports where the time went. */
@Timeout(60)
class LinterResilienceTest {
    @TempDir
    Path dir;

    private static RuleMeta testMeta(String id) {
        return RuleMeta.of(id, Level.WARNING, "test rule", "Test.\n\nHow to fix: nothing.", List.of("test"));
    }

    private static final Message HEADING = Message.of("heading", "heading");

    /** Reports the first heading of every file. */
    private static final DocumentRule HEADINGS = new DocumentRule() {
        @Override
        public RuleMeta meta() {
            return testMeta("test/heading").withMessages(HEADING);
        }

        @Override
        public void check(DocumentContext context) {
            context.document().headings().stream().findFirst()
                    .ifPresent(h -> context.report(h.range(), HEADING));
        }
    };

    private static final DocumentRule THROWS = new DocumentRule() {
        @Override
        public RuleMeta meta() {
            return testMeta("test/throws");
        }

        @Override
        public void check(DocumentContext context) {
            throw new IllegalStateException("boom");
        }
    };

    private static final DocumentRule RECURSES = new DocumentRule() {
        @Override
        public RuleMeta meta() {
            return testMeta("test/recurses");
        }

        @Override
        public void check(DocumentContext context) {
            check(context);
        }
    };

    private static final SetRule SET_THROWS = new SetRule() {
        @Override
        public RuleMeta meta() {
            return testMeta("test/set-throws");
        }

        @Override
        public void check(SetContext context) {
            throw new IllegalArgumentException("set boom");
        }
    };

    private static final DocumentRule OUT_OF_MEMORY = new DocumentRule() {
        @Override
        public RuleMeta meta() {
            return testMeta("test/out-of-memory");
        }

        @Override
        public void check(DocumentContext context) {
            throw new OutOfMemoryError("Java heap space");
        }
    };

    private Linter linter(int jobs, Rule... rules) {
        return new Linter(new RuleRegistry(List.of(rules)), ConfigProvider.of(Config.defaults()), Suppressor.NONE, jobs,
                dir, 1024 * 1024);
    }

    @Test
    void aFailingRuleBecomesANoticeAndTheOthersStillRun() {
        LintResult result = linter(2, HEADINGS, THROWS, RECURSES, SET_THROWS).lintSources(List.of(
                SourceFile.ofText("plan/cicd-pipeline.md", "# Pipeline\n\n## Stages\n"),
                SourceFile.ofText("plan/deployment-strategy.md", "# Deploy\n")));

        assertThat(result.findings()).extracting(f -> f.ruleId() + " " + f.file())
                .containsExactly("test/heading plan/cicd-pipeline.md", "test/heading plan/deployment-strategy.md");
        assertThat(result.notices()).extracting(Notice::message).contains(
                "rule test/throws failed on this file: IllegalStateException: boom",
                "rule test/recurses failed on this file: input nested too deeply",
                "rule test/set-throws failed on this planning set: IllegalArgumentException: set boom");
    }

    @Test
    void internalErrorsEvenOutOfMemoryAreErrorNoticesNotSkips() {
        LintResult result = linter(2, HEADINGS, RECURSES, OUT_OF_MEMORY).lintSources(List.of(
                SourceFile.ofText("plan/cicd-pipeline.md", "# Pipeline\n")));

        assertThat(result.findings()).extracting(f -> f.ruleId()).containsExactly("test/heading");
        assertThat(result.errors()).extracting(n -> n.file() + ": " + n.message()).containsExactlyInAnyOrder(
                "plan/cicd-pipeline.md: rule test/recurses failed on this file: input nested too deeply",
                "plan/cicd-pipeline.md: rule test/out-of-memory failed on this file: out of memory"
                        + " (give Java more with -Xmx, or lower --max-file-size)");
        assertThat(result.errors()).allMatch(n -> n.kind() == Notice.Kind.ERROR);
    }

    @Test
    void aMissingPathIsAnErrorNotice() {
        LintResult result = linter(1, HEADINGS).lint(List.of(dir.resolve("nonexistent")));

        assertThat(result.filesChecked()).isZero();
        assertThat(result.errors()).extracting(n -> n.file() + ": " + n.message())
                .containsExactly("nonexistent: no such file or directory");
    }

    @Test
    void timingsCoverThePhasesAndEveryRule() {
        LintResult result = linter(1, HEADINGS, THROWS).lintSources(List.of(
                SourceFile.ofText("a.md", "# A\n\n```yaml\nkey: [1, 2]\n```\n\n```json\n{\"a\": 1}\n```\n")));

        Timings timings = result.timings();
        assertThat(timings.rules()).containsOnlyKeys("test/heading", "test/throws");
        assertThat(timings.markdown()).isPositive();
        assertThat(timings.embedded()).isPositive();
        assertThat(timings.wall()).isPositive();
        assertThat(timings.slowestRules(1)).hasSize(1);
        assertThat(new Timings(1, 2, 3, 4, 5, 6).rules()).isEmpty();
        assertThat(new Timings(0, 0, 0, 0, 0, 0, 0, Map.of("b", 5L, "a", 5L, "c", 9L)).slowestRules(2))
                .extracting(Map.Entry::getKey).containsExactly("c", "a");
    }

    @Test
    void oneWorkerAndManyGiveTheSameFindings() throws IOException {
        for (int i = 0; i < 30; i++) {
            Path folder = Files.createDirectories(dir.resolve("set" + (i % 4)));
            Files.writeString(folder.resolve("doc" + i + ".md"), "# Doc " + i + "\n\ntext\n");
        }
        List<String> one = describe(linter(1, HEADINGS, SET_THROWS).lint(List.of(dir)));
        List<String> many = describe(linter(4, HEADINGS, SET_THROWS).lint(List.of(dir)));

        assertThat(one).hasSize(30).isEqualTo(many);
    }

    @Test
    void rulesOfASingleFileSplitOverIdleWorkersGiveTheSameResult() {
        List<SourceFile> one = List.of(SourceFile.ofText("plan/cicd-pipeline.md", "# Pipeline\n\n## Stages\n"));
        Rule[] rules = {HEADINGS, THROWS, RECURSES, SET_THROWS};

        LintResult serial = linter(1, rules).lintSources(one);
        LintResult split = linter(4, rules).lintSources(one);

        assertThat(describe(split)).isEqualTo(describe(serial)).hasSize(1);
        assertThat(split.notices()).isEqualTo(serial.notices()).hasSize(3);
        assertThat(split.timings().rules()).containsOnlyKeys("test/heading", "test/throws", "test/recurses", "test/set-throws");
    }

    @Test
    void hostileFilesAreSkippedWithAMessage() throws IOException {
        Files.write(dir.resolve("binary.md"), new byte[] {'#', ' ', 0, 1, 2});
        Files.write(dir.resolve("latin1.md"), "# Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("big.md"), "x".repeat(1024 * 1024 + 1));
        Files.writeString(dir.resolve("deep-quote.md"), "> ".repeat(10_000) + "deep\n");
        Files.writeString(dir.resolve("deep-list.md"), deepList(1_000));
        Files.writeString(dir.resolve("unterminated.md"), "# T\n\n```yaml\n" + "key: value\n".repeat(5_000));
        Files.writeString(dir.resolve("deep-yaml.md"), "```yaml\n" + "[".repeat(10_000) + "]".repeat(10_000) + "\n```\n");
        Files.writeString(dir.resolve("deep-json.md"), "```json\n" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "\n```\n");
        Files.writeString(dir.resolve("deep-hcl.md"), "```hcl\nx = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n```\n");
        boolean linked = symlink(dir.resolve("loop"));

        LintResult result = linter(2, HEADINGS).lint(List.of(dir));

        assertThat(result.notices()).filteredOn(n -> n.kind() == Notice.Kind.ERROR).isEmpty();
        assertThat(result.notices()).extracting(n -> n.file() + ": " + n.message()).contains(
                "binary.md: skipped: binary file (contains NUL bytes at byte 2)",
                "latin1.md: skipped: not valid UTF-8 text (invalid byte sequence near byte 5)",
                "big.md: skipped: file is 1.0 MB, larger than the 1 MB limit for a document (--max-file-size)");
        if (linked) {
            assertThat(result.notices()).extracting(Notice::message).contains("skipped: symbolic link loop");
        }
        assertThat(result.sources()).containsKeys("deep-quote.md", "deep-list.md", "unterminated.md", "deep-yaml.md",
                "deep-json.md", "deep-hcl.md");
    }

    private static String deepList(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append("  ".repeat(i)).append("- item\n");
        }
        return out.toString();
    }

    private static boolean symlink(Path link) {
        try {
            Files.createSymbolicLink(link, Path.of("."));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream().map(f -> f.ruleId() + " " + f.file() + ":" + f.range().start().line()).toList();
    }
}
