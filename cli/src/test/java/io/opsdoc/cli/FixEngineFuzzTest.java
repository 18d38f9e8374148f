package io.opsdoc.cli;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;

/**
 * Fuzz target for the fix engine (docs/fuzzing.md): one or two planning documents built by
 * {@link PlanningDocuments} from the fuzzer's choices, free text included, fixed by a
 * {@link io.opsdoc.core.fix.FixSession} with the real rules. Properties as in
 * {@link FixPropertyTest}: no rule fails, the session converges, fixes only add or retag, fixing
 * again changes nothing, and it finishes in time. Seeds and regression inputs:
 * src/test/resources/io/opsdoc/cli/FixEngineFuzzTestInputs/fix/.
 */
class FixEngineFuzzTest {
    private static final Path FOLDER = Path.of("generated-set").toAbsolutePath();
    // Generous: fuzzing instruments every class, and the machine may be busy; a slow input still stands out.
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

    static {
        // Load the rules and warm the JIT on a small set so that the first input's time is its own.
        FixPropertyTest.checkFix(List.of(SourceFile.of(FOLDER.resolve("notes.md"), "notes.md", "# Notes\n\n```\nkey: value\n```\n")));
    }

    @FuzzTest
    void fix(FuzzedDataProvider data) {
        Choices choices = Choices.of(data);
        List<SourceFile> sources = new ArrayList<>();
        sources.add(PlanningDocuments.document(choices, FOLDER));
        SourceFile second = PlanningDocuments.document(choices, FOLDER);
        if (!second.displayPath().equals(sources.get(0).displayPath())) {
            sources.add(second);
        }
        long start = System.nanoTime();
        FixPropertyTest.checkFix(sources);
        Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to fix %s",
                FixPropertyTest.describe(sources)).isLessThan(TIME_LIMIT);
    }
}
