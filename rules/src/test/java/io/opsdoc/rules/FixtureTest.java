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
import java.util.Collections;
import java.util.List;
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
 * set; further invalid fixtures {@code invalid-NAME.md} or {@code invalid-NAME/} show findings the
 * main one cannot (each is checked like {@code invalid}). A folder fixture may carry an
 * {@code .opsdoc.yml} (with {@code root: true}) for rule options, and a {@code max-file-bytes} file
 * for a size limit below {@code --max-file-size} (see {@link #lint(Path, List)}). A rule whose metadata says {@code fixable} has {@code invalid.fixed.md} (or
 * {@code invalid.fixed/}): the text after applying its fixes; a rule that is not fixable must not
 * have one.
 *
 * <p>Shared sets: instead of a {@code valid/} folder, a rule may hold {@code valid.link} and further
 * {@code valid-NAME.link} files, each containing one relative path (from the rule's folder) to a
 * planning-set folder shared by many rules, e.g. {@code ../../_sets/complete}. Each link is a valid
 * fixture of its own. Folders under {@code fixtures/} whose name starts with {@code _} hold such
 * shared material and are not rule families.
 *
 * <p>Markers (see {@link FixtureMarkers}): a comment {@code expect: RULE-ID@COLUMN MESSAGE-ID} (an
 * HTML comment, or a {@code #}, {@code //} or {@code --} comment to the end of the line) expects a
 * finding of that rule starting at that column of that line and reporting that message of the
 * rule's metadata; several are separated by commas, and a repeated one expects that many findings.
 * {@code expect-next-line:} expects it on the following line (for lines that cannot carry a
 * comment); {@code expect-line-N:} on line N. Markers are replaced by spaces before linting
 * (positions do not move), so rules never see them; a line that looks like a marker but does not
 * parse (the older forms without a column or message id included), or names an unknown rule or a
 * message id its rule does not declare, fails.
 *
 * <p>Comparison: the findings of the rule under test must equal the expectations as a multiset of
 * {@code file:line:column ruleId messageId}. Findings of other rules are ignored, so fixtures can be
 * realistic. Every message id a rule declares must be expected by one of its invalid fixtures.
 */
class FixtureTest {
    static final Path ROOT = Path.of("src/test/resources/fixtures");

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
            for (Path extra : extraInvalid(ruleDir)) {
                String name = extra.getFileName().toString().replaceFirst("\\.md$", "");
                tests.add(DynamicTest.dynamicTest(ruleId + " " + name, () -> check(ruleId, extra, "invalid")));
                if (registry.get(ruleId).map(r -> r.meta().fixable()).orElse(false)) {
                    tests.add(DynamicTest.dynamicTest(ruleId + " " + name + " fix", () -> checkExtraFix(ruleId, extra)));
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

    /** A golden {@code invalid.fixed} exists exactly for the rules whose metadata says fixable. */
    @Test
    void goldenExactlyForFixableRules() {
        List<String> problems = new ArrayList<>();
        for (var rule : registry.all()) {
            Path dir = ROOT.resolve(rule.id());
            boolean golden = Files.exists(dir.resolve("invalid.fixed.md")) || Files.isDirectory(dir.resolve("invalid.fixed"));
            if (rule.meta().fixable() && !golden) {
                problems.add(rule.id() + " is fixable but has no invalid.fixed.md or invalid.fixed/");
            } else if (!rule.meta().fixable() && golden) {
                problems.add(rule.id() + " is not fixable but has a golden invalid.fixed");
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Message ids no fixture exercises yet. Empty since every declared id has a fixture; kept so
     * the list can only shrink: an id listed here that a fixture does exercise fails the test, as
     * does one that no rule declares, and a new unexercised id fails until it gets a fixture.
     */
    private static final java.util.Set<String> NOT_YET_EXERCISED = java.util.Set.of();

    /**
     * Every message id a rule declares is expected by a marker in one of the rule's invalid
     * fixtures (which {@link #fixtures} proves reported), so no kind of finding goes untested.
     */
    @Test
    void everyMessageIdIsExercised() throws IOException {
        List<String> unexercised = new ArrayList<>();
        for (var rule : registry.all()) {
            java.util.Set<String> expected = new java.util.TreeSet<>();
            Path dir = ROOT.resolve(rule.id());
            List<Path> targets = new ArrayList<>(List.of(dir.resolve("invalid.md"), dir.resolve("invalid")));
            if (Files.isDirectory(dir)) {
                targets.addAll(extraInvalid(dir));
            }
            for (Path target : targets) {
                if (Files.exists(target)) {
                    for (Fixture fixture : fixtures(target)) {
                        fixture.markers().expectations().stream().filter(e -> e.ruleId().equals(rule.id()))
                                .forEach(e -> expected.add(e.messageId()));
                    }
                }
            }
            for (var message : rule.meta().messages()) {
                if (!expected.contains(message.id())) {
                    unexercised.add(rule.id() + " " + message.id());
                }
            }
        }
        List<String> declared = new ArrayList<>();
        registry.all().forEach(r -> r.meta().messages().forEach(m -> declared.add(r.id() + " " + m.id())));
        assertThat(unexercised).as("message ids no invalid fixture expects (write a fixture for each)")
                .containsExactlyInAnyOrderElementsOf(NOT_YET_EXERCISED);
        assertThat(declared).as("NOT_YET_EXERCISED names declared message ids").containsAll(NOT_YET_EXERCISED);
    }

    /** Every rule declares the messages it reports (the engine rejects reports without a declared id). */
    @Test
    void everyRuleDeclaresItsMessages() {
        assertThat(registry.all().stream().filter(r -> r.meta().messages().isEmpty()).map(r -> r.id()).toList())
                .as("rules without messages in their metadata").isEmpty();
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

    /**
     * Further invalid fixtures of a rule folder, {@code invalid-NAME.md} or {@code invalid-NAME/}
     * (for findings the main one cannot show, such as a set missing a whole section), sorted.
     */
    static List<Path> extraInvalid(Path ruleDir) throws IOException {
        try (Stream<Path> files = Files.list(ruleDir)) {
            return files.filter(p -> p.getFileName().toString().matches("invalid-[A-Za-z0-9_-]+(\\.md)?"))
                    .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".md")).sorted().toList();
        }
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
        List<Fixture> fixtures = fixtures(target);
        List<SourceFile> sources = fixtures.stream().map(Fixture::source).toList();
        List<String> expected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            problems.addAll(fixture.markers().problems());
            for (FixtureMarkers.Expectation e : fixture.markers().expectations()) {
                if (registry.get(e.ruleId()).isEmpty()) {
                    problems.add(fixture.source().displayPath() + ":" + e.line() + ": marker names unknown rule "
                            + e.ruleId());
                } else if (registry.get(e.ruleId()).get().meta().message(e.messageId()).isEmpty()) {
                    problems.add(fixture.source().displayPath() + ":" + e.line() + ": marker names message id "
                            + e.messageId() + ", which " + e.ruleId() + " does not declare");
                } else if (e.ruleId().equals(ruleId)) {
                    expected.add(fixture.source().displayPath() + ":" + e.key());
                }
            }
        }
        assertThat(problems).as("marker problems in %s", target).isEmpty();
        LintResult result = lint(target, sources);
        assertThat(result.notices()).as("notices").isEmpty();
        List<Finding> actual = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        if (variant.equals("valid")) {
            assertThat(expected).as("valid fixtures carry no expect markers of %s", ruleId).isEmpty();
        } else {
            assertThat(expected).as("invalid fixture %s must mark at least one expected finding", target).isNotEmpty();
        }
        List<String> missing = new ArrayList<>(expected);
        List<String> unexpected = new ArrayList<>();
        for (Finding f : actual) {
            String key = key(f);
            if (!missing.remove(key)) {
                unexpected.add(key + " (" + f.message() + ")");
            }
        }
        Collections.sort(missing);
        assertThat(missing.isEmpty() && unexpected.isEmpty())
                .as("findings of %s in %s%nexpected but not reported:%n  %s%nreported but not expected:%n  %s",
                        ruleId, target, String.join("\n  ", missing), String.join("\n  ", unexpected))
                .isTrue();
    }

    /** {@code file:line:column ruleId messageId}, as expectations are written. */
    static String key(Finding f) {
        return f.file() + ":" + f.line() + ":" + f.column() + " " + f.ruleId() + " " + f.messageId().orElse("(none)");
    }

    /**
     * An extra invalid fixture of a fixable rule whose findings carry fixes has its own golden
     * ({@code invalid-NAME.fixed.md} or {@code invalid-NAME.fixed/}); one whose findings carry none has none.
     */
    private void checkExtraFix(String ruleId, Path extra) throws IOException {
        String name = extra.getFileName().toString().replaceFirst("\\.md$", "");
        Path fixed = Files.isDirectory(extra) ? extra.resolveSibling(name + ".fixed")
                : extra.resolveSibling(name + ".fixed.md");
        boolean fixes = lint(extra, sources(extra)).findings().stream()
                .anyMatch(f -> f.ruleId().equals(ruleId) && f.fix().isPresent());
        if (!fixes) {
            assertThat(fixed).as("golden of %s, whose findings carry no fix", extra).doesNotExist();
            return;
        }
        assertThat(fixed).as("golden of %s, whose findings carry fixes", extra).exists();
        checkFix(ruleId, extra, fixed);
    }

    private void checkFix(String ruleId, Path ruleDir) throws IOException {
        Path invalid = Files.exists(ruleDir.resolve("invalid.md")) ? ruleDir.resolve("invalid.md") : ruleDir.resolve("invalid");
        Path fixed = Files.exists(ruleDir.resolve("invalid.fixed.md")) ? ruleDir.resolve("invalid.fixed.md")
                : ruleDir.resolve("invalid.fixed");
        checkFix(ruleId, invalid, fixed);
    }

    private void checkFix(String ruleId, Path invalid, Path fixed) throws IOException {
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
            // The golden is compared after the same marker stripping as the fixture it was made from.
            String expectedText = FixtureMarkers.parse(file.displayPath(),
                    Files.readString(expectedPath, StandardCharsets.UTF_8)).strippedText();
            assertThat(file.text()).as("fixed text of %s", file.displayPath()).isEqualTo(expectedText);
        }
    }

    private LintResult lint(List<SourceFile> sources) {
        return lint(registry, sources);
    }

    /**
     * Lints a fixture as {@code opsdoc check} would lint it. A folder fixture may hold an
     * {@code .opsdoc.yml} (rule levels and options, read as a real run reads it; it should say
     * {@code root: true}) and a {@code max-file-bytes} file holding one positive integer, the size
     * limit in bytes instead of {@code --max-file-size}, so a fixture can show a file over the
     * limit without a megabyte of text in the repository.
     */
    private LintResult lint(Path target, List<SourceFile> sources) throws IOException {
        if (!Files.isDirectory(target)) {
            return lint(sources);
        }
        long maxBytes = io.opsdoc.core.engine.SourceLoader.DEFAULT_MAX_BYTES;
        Path limit = target.resolve("max-file-bytes");
        if (Files.exists(limit)) {
            String text = Files.readString(limit, StandardCharsets.UTF_8).strip();
            assertThat(text).as("%s holds one positive integer", limit).matches("[1-9][0-9]{0,9}");
            maxBytes = Long.parseLong(text);
        }
        io.opsdoc.core.config.ConfigProvider configs = io.opsdoc.core.config.ConfigProvider.of(
                io.opsdoc.core.config.Config.defaults());
        if (hasConfig(target)) {
            Path folder = target.toAbsolutePath().normalize();
            var loader = io.opsdoc.core.config.ConfigLoader.discover(folder, java.util.Optional.empty(), List.of(folder));
            configs = new io.opsdoc.core.config.CascadingConfigProvider(loader,
                    registry.all().stream().map(r -> r.meta()).toList());
        }
        return new Linter(registry, configs, new io.opsdoc.core.suppress.InlineSuppressor(configs),
                Runtime.getRuntime().availableProcessors(), Path.of(""), maxBytes).lintSources(sources);
    }

    /** Whether a fixture folder carries its own configuration file. */
    private static boolean hasConfig(Path folder) {
        return io.opsdoc.core.config.ConfigLoader.FILE_NAMES.stream().anyMatch(n -> Files.exists(folder.resolve(n)));
    }

    /** Lints as a real run at default configuration does. */
    static LintResult lint(RuleRegistry registry, List<SourceFile> sources) {
        // Inline suppressions apply as in a real run (their unused ones are config/unused-suppression findings).
        var defaults = io.opsdoc.core.config.ConfigProvider.of(io.opsdoc.core.config.Config.defaults());
        return new Linter(registry, defaults, new io.opsdoc.core.suppress.InlineSuppressor(defaults),
                Runtime.getRuntime().availableProcessors(), Path.of(""), io.opsdoc.core.engine.SourceLoader.DEFAULT_MAX_BYTES)
                .lintSources(sources);
    }

    /** A fixture file with its markers; the source is the stripped text the rules see. */
    record Fixture(SourceFile source, FixtureMarkers markers) {
    }

    static List<SourceFile> sources(Path target) {
        return fixtures(target).stream().map(Fixture::source).toList();
    }

    static List<Fixture> fixtures(Path target) {
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
            List<Fixture> result = new ArrayList<>();
            for (Path file : files) {
                String display = base.relativize(file).toString().replace('\\', '/');
                FixtureMarkers markers = FixtureMarkers.parse(display, Files.readString(file, StandardCharsets.UTF_8));
                result.add(new Fixture(SourceFile.of(file.toAbsolutePath(), display, markers.strippedText()), markers));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
