package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.suppress.InlineSuppressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A run over a large tree checks files while the walk is still finding the others. */
@Timeout(120)
class LinterEarlyStartTest {
    private static final int FILES = 3 * Linter.EARLY_START_FILES;
    private static final Message FIRST_LINE = Message.of("first", "checked {0}");

    @TempDir
    Path dir;

    /** Reports every document at its first character, and says when it checked one. */
    private static final class FirstLineRule implements DocumentRule {
        final CountDownLatch checked = new CountDownLatch(1);

        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/first-line", Level.NOTE, "test rule", "Test.\n\nHow to fix: nothing.",
                    List.of("test")).withMessages(FIRST_LINE);
        }

        @Override
        public void check(DocumentContext context) {
            context.report(context.document().source().range(0, 1), FIRST_LINE,
                    context.document().source().path().getFileName());
            checked.countDown();
        }
    }

    private void writeTree() throws IOException {
        for (int i = 0; i < FILES; i++) {
            Path folder = Files.createDirectories(dir.resolve("part" + i % 3));
            Files.writeString(folder.resolve("doc" + i + ".md"), "# Doc " + i + "\n\nText.\n");
        }
    }

    private static LintResult lint(Path dir, ConfigProvider configs, FirstLineRule rule, int jobs) {
        return new Linter(new RuleRegistry(List.of(rule)), configs, new InlineSuppressor(configs), jobs, dir,
                1024 * 1024).lint(List.of(dir));
    }

    @Test
    void checkingStartsBeforeTheWalkEndsWithTheSameFindings() throws IOException {
        writeTree();
        FirstLineRule rule = new FirstLineRule();
        Thread walker = Thread.currentThread();
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean checkedDuringWalk = new AtomicBoolean();
        // The walk asks for each file's configuration (to skip ignored files); half-way through it
        // waits until a worker has checked a file. A run that walks first would wait in vain.
        ConfigProvider slowWalk = file -> {
            if (Thread.currentThread() == walker && file.toString().endsWith(".md")
                    && asked.incrementAndGet() == FILES / 2) {
                try {
                    checkedDuringWalk.set(rule.checked.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Config.defaults();
        };

        LintResult early = lint(dir, slowWalk, rule, 2);

        assertThat(checkedDuringWalk).isTrue();
        assertThat(early.findings()).hasSize(FILES);
        assertThat(early.findings()).isEqualTo(lint(dir, ConfigProvider.of(Config.defaults()), new FirstLineRule(), 1)
                .findings());
    }
}
