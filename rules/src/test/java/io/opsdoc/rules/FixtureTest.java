package io.opsdoc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one generic test runner for rule fixtures.
 *
 * <p>Layout: {@code src/test/resources/fixtures/FAMILY/NAME/} for rule {@code FAMILY/NAME}, holding
 * {@code valid.md} (must yield no finding of the rule) and {@code invalid.md} (must yield exactly
 * the marked findings), or folders {@code valid/} and {@code invalid/} holding a whole planning
 * set. A fixable rule also has {@code invalid.fixed.md} (or {@code invalid.fixed/}): the text after
 * applying its fixes.
 *
 * <p>Shared sets: instead of a {@code valid/} folder, a rule may hold {@code valid.link} and further
 * {@code valid-NAME.link} files, each containing one relative path (from the rule's folder) to a
 * planning-set folder shared by many rules, e.g. {@code ../../_sets/complete}. Each link is a valid
 * fixture of its own. Folders under {@code fixtures/} whose name starts with {@code _} hold such
 * shared material and are not rule families.
 *
 * <p>Markers: a line containing {@code expect: RULE-ID} (in an HTML comment, a YAML/HCL
 * {@code #} comment or a {@code //} comment), optionally {@code expect: RULE-ID@COLUMN}, expects
 * a finding of that rule starting on that line; several ids are separated by commas.
 * {@code expect-next-line: RULE-ID} expects it on the following line (for lines that cannot
 * carry a comment); {@code expect-line-N: RULE-ID} on line N. Only findings of the rule under test
 * are compared, so fixtures can be realistic.
 */
class FixtureTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final Pattern MARKER = Pattern.compile(
            "expect(-next-line|-line-(\\d+))?:\\s*([a-z0-9-]+/[a-z0-9-]+(?:@\\d+)?(?:\\s*,\\s*[a-z0-9-]+/[a-z0-9-]+(?:@\\d+)?)*)");

    private final RuleRegistry registry = RuleRegistry.load();

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path ruleDir : ruleDirectories()) {
            String ruleId = ROOT.relativize(ruleDir).toString().replace('\\', '/');
            for (String variant : List.of("valid", "invalid")) {
                Path file = ruleDir.resolve(variant + ".md");
                Path folder = ruleDir.resolve(variant);
                if (Files.isRegularFile(file) || Files.isDirectory(folder)) {
                    Path target = Files.isRegularFile(file) ? file : folder;
                    tests.add(DynamicTest.dynamicTest(ruleId + " " + variant, () -> check(ruleId, target, variant)));
                }
            }
            for (Path link : validLinks(ruleDir)) {
                Path target = ruleDir.resolve(Files.readString(link, StandardCharsets.UTF_8).strip()).normalize();
                String name = link.getFileName().toString().replaceFirst("\\.link$", "");
                tests.add(DynamicTest.dynamicTest(ruleId + " " + name, () -> check(ruleId, target, "valid")));
            }
            Path fixedFile = ruleDir.resolve("invalid.fixed.md");
            Path fixedFolder = ruleDir.resolve("invalid.fixed");
            if (Files.exists(fixedFile) || Files.exists(fixedFolder)) {
                tests.add(DynamicTest.dynamicTest(ruleId + " fix", () -> checkFix(ruleId, ruleDir)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasFixtures() throws IOException {
        List<String> missing = new ArrayList<>();
        for (var rule : registry.all()) {
            Path dir = ROOT.resolve(rule.id());
            boolean valid = Files.exists(dir.resolve("valid.md")) || Files.isDirectory(dir.resolve("valid"))
                    || Files.exists(dir.resolve("valid.link"));
            boolean invalid = Files.exists(dir.resolve("invalid.md")) || Files.isDirectory(dir.resolve("invalid"));
            if (!valid || !invalid) {
                missing.add(rule.id());
            }
        }
        assertThat(missing).as("rules without valid and invalid fixtures").isEmpty();
    }

    private List<Path> ruleDirectories() throws IOException {
        List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(ROOT)) {
            return result;
        }
        try (Stream<Path> families = Files.list(ROOT)) {
            for (Path family : families.sorted().toList()) {
                if (Files.isDirectory(family) && !family.getFileName().toString().startsWith("_")) {
                    try (Stream<Path> rules = Files.list(family)) {
                        rules.filter(Files::isDirectory).sorted().forEach(result::add);
                    }
                }
            }
        }
        return result;
    }

    /** {@code valid.link} and {@code valid-NAME.link} files of a rule folder, sorted. */
    private static List<Path> validLinks(Path ruleDir) throws IOException {
        try (Stream<Path> files = Files.list(ruleDir)) {
            return files.filter(p -> p.getFileName().toString().matches("valid(-[A-Za-z0-9_-]+)?\\.link"))
                    .sorted().toList();
        }
    }

    private void check(String ruleId, Path target, String variant) throws IOException {
        assertThat(registry.get(ruleId)).as("rule %s exists", ruleId).isPresent();
        List<SourceFile> sources = sources(target);
        LintResult result = lint(sources);
        TreeSet<String> actual = new TreeSet<>();
        TreeSet<String> actualWithColumns = new TreeSet<>();
        for (Finding f : result.findings()) {
            if (f.ruleId().equals(ruleId)) {
                actual.add(f.file() + ":" + f.line() + " " + f.ruleId());
                actualWithColumns.add(f.file() + ":" + f.line() + ":" + f.column() + " " + f.ruleId());
            }
        }
        assertThat(result.notices()).as("notices").isEmpty();
        TreeSet<String> expected = new TreeSet<>();
        TreeSet<String> expectedColumns = new TreeSet<>();
        for (SourceFile source : sources) {
            collectMarkers(source, ruleId, expected, expectedColumns);
        }
        if (variant.equals("valid")) {
            assertThat(actualWithColumns).as("findings of %s in valid fixture %s", ruleId, target).isEmpty();
            assertThat(expected).as("valid fixtures carry no expect markers").isEmpty();
            return;
        }
        assertThat(expected).as("invalid fixture %s must mark at least one expected finding", target).isNotEmpty();
        String details = String.join("\n", actualWithColumns);
        assertThat(actual).as("findings of %s in %s; got:\n%s", ruleId, target, details).isEqualTo(expected);
        for (String withColumn : expectedColumns) {
            assertThat(actualWithColumns).as("finding with exact column").contains(withColumn);
        }
    }

    private void checkFix(String ruleId, Path ruleDir) throws IOException {
        Path invalid = Files.exists(ruleDir.resolve("invalid.md")) ? ruleDir.resolve("invalid.md") : ruleDir.resolve("invalid");
        Path fixed = Files.exists(ruleDir.resolve("invalid.fixed.md")) ? ruleDir.resolve("invalid.fixed.md")
                : ruleDir.resolve("invalid.fixed");
        List<SourceFile> sources = sources(invalid);
        LintResult result = lint(sources);
        List<Finding> ofRule = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(ofRule).as("fixable findings").anySatisfy(f -> assertThat(f.fix()).isPresent());
        // The same multi-round session as `opsdoc fix` (overlapping fixes are deferred to the next
        // round), restricted to the rule under test.
        Path base = (Files.isDirectory(invalid) ? invalid : invalid.getParent()).toAbsolutePath();
        io.opsdoc.core.fix.FixSession session = new io.opsdoc.core.fix.FixSession(s -> lint(s).findings(),
                f -> f.ruleId().equals(ruleId), p -> base.relativize(p).toString().replace('\\', '/'), Files::exists,
                io.opsdoc.core.fix.FixSession.DEFAULT_MAX_ROUNDS);
        io.opsdoc.core.fix.FixSession.Outcome outcome = session.run(sources, java.util.Optional.of(result.findings()));
        assertThat(outcome.converged()).as("fixes of %s reach a fixed point", ruleId).isTrue();
        for (io.opsdoc.core.fix.FixSession.FileResult file : outcome.files()) {
            assertThat(file.refused()).as("fixes of %s in %s keep every line", ruleId, file.displayPath()).isEmpty();
            Path expectedPath = Files.isDirectory(fixed) ? fixed.resolve(file.displayPath()) : fixed;
            if (file.created() && !Files.exists(expectedPath)) {
                continue;
            }
            String expectedText = Files.readString(expectedPath, StandardCharsets.UTF_8);
            assertThat(file.text()).as("fixed text of %s", file.displayPath()).isEqualTo(expectedText);
        }
    }

    private LintResult lint(List<SourceFile> sources) {
        // Inline suppressions apply as in a real run (their unused ones are config/unused-suppression findings).
        var defaults = io.opsdoc.core.config.ConfigProvider.of(io.opsdoc.core.config.Config.defaults());
        return new Linter(registry, defaults, new io.opsdoc.core.suppress.InlineSuppressor(defaults),
                Runtime.getRuntime().availableProcessors(), Path.of(""), io.opsdoc.core.engine.SourceLoader.DEFAULT_MAX_BYTES)
                .lintSources(sources);
    }

    static List<SourceFile> sources(Path target) {
        try {
            List<Path> files;
            Path base = Files.isDirectory(target) ? target : target.getParent();
            if (Files.isDirectory(target)) {
                try (Stream<Path> walk = Files.walk(target)) {
                    files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
                }
            } else {
                files = List.of(target);
            }
            List<SourceFile> result = new ArrayList<>();
            for (Path file : files) {
                String display = base.relativize(file).toString().replace('\\', '/');
                result.add(SourceFile.of(file.toAbsolutePath(), display, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectMarkers(SourceFile source, String ruleId, TreeSet<String> lines, TreeSet<String> columns) {
        for (int line = 1; line <= source.lineCount(); line++) {
            Matcher m = MARKER.matcher(source.lineText(line));
            while (m.find()) {
                int target = line;
                if ("-next-line".equals(m.group(1))) {
                    target = line + 1;
                } else if (m.group(2) != null) {
                    target = Integer.parseInt(m.group(2));
                }
                for (String item : m.group(3).split(",")) {
                    String id = item.strip();
                    String column = null;
                    int at = id.indexOf('@');
                    if (at >= 0) {
                        column = id.substring(at + 1);
                        id = id.substring(0, at);
                    }
                    if (id.equals(ruleId)) {
                        lines.add(source.displayPath() + ":" + target + " " + id);
                        if (column != null) {
                            columns.add(source.displayPath() + ":" + target + ":" + column + " " + id);
                        }
                    }
                }
            }
        }
    }
}
