package io.opsdoc.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.config.Config;
import io.opsdoc.core.config.ConfigProvider;
import io.opsdoc.core.markdown.Link;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.FileScope;
import io.opsdoc.core.rule.LinkTargets;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.suppress.InlineSuppressor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that needs the anchors of a file the run has not reached yet gets them from the run's
 * own check of that file, made at once on the asking worker: each file is parsed once, the
 * findings and suppressions are those of any other order, and the time of the nested check is
 * not counted twice.
 */
@Timeout(60)
class LinkReachFirstTest {
    @TempDir
    Path dir;

    private static final Message NO_ANCHOR = Message.of("no-anchor", "no anchor '{0}' in {1}");

    /** A small broken-link: registers each document and checks {@code file.md#fragment} links against the target's anchors. */
    private static final class FragmentRule implements DocumentRule {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/fragment", Level.WARNING, "test rule", "Test.\n\nHow to fix: nothing.", List.of("test"))
                    .withMessages(NO_ANCHOR);
        }

        @Override
        public void check(DocumentContext context) {
            LinkTargets targets = context.linkTargets();
            FileScope scope = context.files();
            targets.register(context.document());
            Path folder = context.document().source().path().toAbsolutePath().getParent();
            for (Link link : context.document().links()) {
                int hash = link.url().indexOf('#');
                if (hash <= 0) {
                    continue;
                }
                Path target = folder.resolve(link.url().substring(0, hash)).normalize();
                String fragment = link.url().substring(hash + 1);
                Optional<Set<String>> anchors = targets.anchorsOf(target, scope);
                if (anchors.isPresent() && !anchors.get().contains(fragment)) {
                    context.report(link.urlRange(), NO_ANCHOR, fragment, target.getFileName());
                }
            }
        }
    }

    /** Sorted after test/fragment: records the files in the order their checks reach it. */
    private static final class OrderRule implements DocumentRule {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final long sleepMillis;

        OrderRule(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public RuleMeta meta() {
            return RuleMeta.of("test/zz-order", Level.NOTE, "test rule", "Test.\n\nHow to fix: nothing.", List.of("test"));
        }

        @Override
        public void check(DocumentContext context) {
            seen.add(context.document().source().path().getFileName().toString());
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Linter linter(OrderRule order, int jobs) {
        ConfigProvider configs = ConfigProvider.of(Config.defaults());
        return new Linter(new RuleRegistry(List.of(new FragmentRule(), order)), configs, new InlineSuppressor(configs),
                jobs, dir, 1024 * 1024);
    }

    private void writeTree() throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # A

                See [rollback](z.md#rollback), [gone](z.md#gone) and [back](m.md#nothing-here).

                <!-- opsdoc-disable-next-line test/fragment -- known, fixed with the z rename -->
                Also [old](z.md#old-name).
                """);
        Files.writeString(dir.resolve("m.md"), "# M\n\n[a](a.md#a) [a](a.md#b) [z](z.md#rollback)\n");
        Files.writeString(dir.resolve("z.md"), "# Z\n\n## Rollback\n\n[m](m.md#m) [m](m.md#q)\n");
    }

    private static List<String> describe(LintResult result) {
        List<String> lines = new ArrayList<>();
        result.findings().forEach(f -> lines.add(f.file() + ":" + f.line() + ":" + f.column() + " " + f.ruleId() + " "
                + f.message() + f.suppression().map(s -> " [suppressed: " + s + "]").orElse("")));
        result.notices().forEach(n -> lines.add("notice " + n.file() + " " + n.message()));
        return lines;
    }

    @Test
    void aLinkedFileIsCheckedFirstWithTheSameFindingsInAnyOrder() throws IOException {
        writeTree();
        OrderRule order = new OrderRule(0);

        LintResult one = linter(order, 1).lint(List.of(dir));

        // a.md's first link reached z.md, whose link reached m.md (whose links back into a.md and z.md found them
        // registered): all before a.md's own later rules ran. In file order it would be a, m, z.
        assertThat(order.seen).containsExactly("m.md", "z.md", "a.md");
        assertThat(describe(one)).containsExactly(
                "a.md:3:39 test/fragment no anchor 'gone' in z.md",
                "a.md:3:61 test/fragment no anchor 'nothing-here' in m.md",
                "a.md:6:12 test/fragment no anchor 'old-name' in z.md [suppressed: known, fixed with the z rename]",
                "m.md:3:17 test/fragment no anchor 'b' in a.md",
                "z.md:5:17 test/fragment no anchor 'q' in m.md");
        for (int jobs : new int[] {2, 3, 8}) {
            for (int run = 0; run < 5; run++) {
                assertThat(describe(linter(new OrderRule(0), jobs).lint(List.of(dir)))).as("jobs " + jobs)
                        .isEqualTo(describe(one));
            }
        }
    }

    @Test
    void longChainsOfLinksEndInARead() throws IOException {
        int files = 30;
        for (int i = 0; i < files; i++) {
            String next = i + 1 < files ? String.format("[next](f%02d.md#f%02d) [bad](f%02d.md#nope)", i + 1, i + 1, i + 1)
                    : "[first](f00.md#f00)";
            Files.writeString(dir.resolve(String.format("f%02d.md", i)), String.format("# F%02d\n\n%s\n", i, next));
        }
        OrderRule order = new OrderRule(0);

        LintResult result = linter(order, 1).lint(List.of(dir));

        assertThat(result.findings()).hasSize(files - 1).allMatch(f -> f.message().startsWith("no anchor 'nope'"));
        assertThat(result.notices()).isEmpty();
        assertThat(order.seen).hasSize(files).doesNotHaveDuplicates();
        assertThat(describe(linter(new OrderRule(0), 2).lint(List.of(dir)))).isEqualTo(describe(result));
    }

    @Test
    void theNestedCheckIsTimedUnderItsOwnFileAndRulesOnly() throws IOException {
        writeTree();
        long sleep = 300;

        LintResult result = linter(new OrderRule(sleep), 1).lint(List.of(dir));

        long fragment = result.timings().rules().get("test/fragment");
        long order = result.timings().rules().get("test/zz-order");
        // test/fragment on a.md nested the whole checks of z.md and m.md (900 ms of sleep in test/zz-order).
        assertThat(order).isGreaterThanOrEqualTo(3 * sleep * 1_000_000);
        assertThat(fragment).isLessThan(sleep * 1_000_000);
        assertThat(result.timings().documentRules()).isLessThan(order + sleep * 1_000_000);
    }
}
