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
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On generated planning documents ({@link PlanningDocuments}: random headings, prose, fenced blocks
 * with and without tags holding YAML, JSON, HCL or shell, LF or CRLF, with or without BOM and final
 * newline), the fix session with the real rules never throws, converges, only adds lines or
 * language tags, and is idempotent. Fixed seeds, ten pairs of documents each, so a failure names a
 * seed that reproduces it; {@link FixEngineFuzzTest} checks the same with fuzzer-chosen documents.
 */
class FixPropertyTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();
    private static final Path FOLDER = Path.of("generated-set").toAbsolutePath();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 2_026, 424_242})
    void fixOnlyAddsOrRetagsAndIsIdempotent(long seed) {
        Choices choices = Choices.of(new Random(seed));
        for (int i = 0; i < 10; i++) {
            SourceFile first = PlanningDocuments.document(choices, FOLDER);
            SourceFile second = PlanningDocuments.document(choices, FOLDER);
            List<SourceFile> sources = first.displayPath().equals(second.displayPath()) ? List.of(first)
                    : List.of(first, second);
            checkFix(sources);
        }
    }

    /** The fix-engine properties, shared with the fuzz target. */
    static void checkFix(List<SourceFile> sources) {
        FixSession.Outcome outcome = session().run(sources, Optional.empty());
        assertThat(outcome.converged()).as("converged on %s", describe(sources)).isTrue();
        for (FixSession.FileResult file : outcome.files()) {
            assertThat(file.refused()).as("fixes of %s were safe on %s", file.displayPath(), describe(sources)).isEmpty();
            if (!file.created()) {
                SourceFile original = file.original().get();
                String before = (original.hasBom() ? "\uFEFF" : "") + original.text();
                assertThat(FixSafety.onlyAddsOrRetags(before, file.text())).as("only adds or retags %s", describe(sources))
                        .isTrue();
                assertThat(FixSafety.problem(before, file.text())).isEmpty();
            }
        }
        FixSession.Outcome again = session().run(outcome.sources(), Optional.empty());
        assertThat(again.changed()).as("a second fix changes nothing on %s", describe(sources)).isEmpty();
    }

    static String describe(List<SourceFile> sources) {
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
            assertThat(result.notices()).as("no rule fails on %s", describe(sources)).isEmpty();
            return result.findings();
        }, f -> REGISTRY.get(f.ruleId()).map(r -> r.meta().fixable()).orElse(false),
                p -> FOLDER.relativize(p).toString(), p -> false, FixSession.DEFAULT_MAX_ROUNDS);
    }
}
