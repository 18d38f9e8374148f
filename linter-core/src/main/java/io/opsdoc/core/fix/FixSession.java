package io.opsdoc.core.fix;

import io.opsdoc.core.rule.FileCreation;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies fixes in memory until nothing changes: lint, apply every non-overlapping fix
 * ({@link FixApplier} defers the rest), create missing files, lint the result again, and so on,
 * at most {@code maxRounds} times. One session therefore reaches the fixed point, and fixing the
 * result again changes nothing. Nothing is written here: the caller decides what to do with the
 * {@link Outcome}. {@code opsdoc fix} and the fixture tests both use this class.
 *
 * <p>Every round's result is checked with {@link FixSafety}; a file whose fixes would lose user
 * text is left as it was and reported in {@link FileResult#refused()}. Files to create are never
 * created over an existing file or a file of the session.
 */
public final class FixSession {
    /** Enough for a fix that enables another fix, which enables a third; more means a rule keeps changing its mind. */
    public static final int DEFAULT_MAX_ROUNDS = 10;

    private final Function<List<SourceFile>, List<Finding>> lint;
    private final Predicate<Finding> include;
    private final Function<Path, String> display;
    private final Predicate<Path> exists;
    private final int maxRounds;

    /**
     * @param lint lints sources held in memory (as a planning set, like a real run)
     * @param include which fixable findings to apply (for example: of rules marked fixable)
     * @param display the display path of a file to create, as the linter would show it
     * @param exists whether a path already exists on disk (files to create never replace one)
     */
    public FixSession(Function<List<SourceFile>, List<Finding>> lint, Predicate<Finding> include,
            Function<Path, String> display, Predicate<Path> exists, int maxRounds) {
        this.lint = lint;
        this.include = include;
        this.display = display;
        this.exists = exists;
        this.maxRounds = Math.max(1, maxRounds);
    }

    /**
     * What happened to one file of the session.
     *
     * @param original the file as read, or empty for a file the session creates
     * @param result the file after fixing (BOM kept)
     * @param fixes applied fixes per rule id, sorted by rule id
     * @param creator rule whose fix creates this file, when it is new
     * @param refused why the file's fixes were dropped, when they would have lost text
     */
    public record FileResult(String displayPath, Path path, Optional<SourceFile> original, SourceFile result,
            Map<String, Integer> fixes, Optional<String> creator, Optional<String> refused) {
        public boolean created() {
            return original.isEmpty();
        }

        /** Raw text to write, with the BOM when the file has one. */
        public String text() {
            return raw(result);
        }

        public boolean changed() {
            return created() || !raw(original.get()).equals(raw(result));
        }

        public int fixCount() {
            return fixes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param files every file of the session in input order, then the created ones
     * @param remaining findings of the final lint round (what is left after fixing)
     * @param skipped messages about creations that were not done (the file exists)
     * @param converged false when {@code maxRounds} passed and fixes still changed something
     */
    public record Outcome(List<FileResult> files, List<Finding> remaining, List<String> skipped, int rounds,
            boolean converged) {
        public List<FileResult> changed() {
            return files.stream().filter(FileResult::changed).toList();
        }

        public List<SourceFile> sources() {
            return files.stream().map(FileResult::result).toList();
        }
    }

    /** Fixes {@code sources}, starting from {@code findings} when they are already known (else lints first). */
    public Outcome run(List<SourceFile> sources, Optional<List<Finding>> findings) {
        Map<String, SourceFile> originals = new LinkedHashMap<>();
        Map<String, SourceFile> current = new LinkedHashMap<>();
        for (SourceFile source : sources) {
            originals.put(source.displayPath(), source);
            current.put(source.displayPath(), source);
        }
        Map<String, Map<String, Integer>> fixes = new LinkedHashMap<>();
        Map<String, String> creators = new LinkedHashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<Finding> latest = findings.orElseGet(() -> lint.apply(List.copyOf(current.values())));
        Map<String, java.util.Set<String>> ineffective = new LinkedHashMap<>();
        int rounds = 0;
        boolean converged = false;
        while (true) {
            if (rounds == maxRounds) {
                break;
            }
            rounds++;
            boolean changed = createFiles(latest, current, creators, skipped);
            Map<String, List<Finding>> byFile = new TreeMap<>();
            for (Finding finding : latest) {
                if (fixable(finding) && !finding.fix().get().edits().isEmpty()
                        && !ineffective.getOrDefault(finding.file(), java.util.Set.of()).contains(key(finding))) {
                    byFile.computeIfAbsent(finding.file(), k -> new ArrayList<>()).add(finding);
                }
            }
            Map<String, SourceFile> beforeRound = new LinkedHashMap<>();
            Map<String, List<Finding>> appliedThisRound = new LinkedHashMap<>();
            for (Map.Entry<String, List<Finding>> entry : byFile.entrySet()) {
                SourceFile source = current.get(entry.getKey());
                if (source == null || refused.containsKey(entry.getKey())) {
                    continue;
                }
                FixApplier.Applied applied = FixApplier.apply(source, entry.getValue());
                String before = raw(source);
                if (!applied.changed() || applied.text().equals(before)) {
                    continue;
                }
                Optional<String> problem = FixSafety.problem(before, applied.text());
                if (problem.isPresent()) {
                    refused.put(entry.getKey(), problem.get() + " (fixes of " + rules(applied.applied()) + ")");
                    continue;
                }
                beforeRound.put(entry.getKey(), source);
                appliedThisRound.put(entry.getKey(), applied.applied());
                current.put(entry.getKey(), SourceFile.of(source.path(), source.displayPath(), applied.text()));
                changed = true;
            }
            if (!changed) {
                converged = true;
                break;
            }
            latest = lint.apply(List.copyOf(current.values()));
            if (revertIneffective(latest, byFile, appliedThisRound, beforeRound, current, ineffective, skipped)) {
                latest = lint.apply(List.copyOf(current.values()));
            }
            appliedThisRound.forEach((file, applied) -> {
                if (current.get(file) != beforeRound.get(file)) {
                    Map<String, Integer> counts = fixes.computeIfAbsent(file, k -> new TreeMap<>());
                    applied.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
                }
            });
        }
        List<FileResult> results = new ArrayList<>();
        for (Map.Entry<String, SourceFile> entry : current.entrySet()) {
            String name = entry.getKey();
            SourceFile original = originals.get(name);
            SourceFile result = entry.getValue();
            Optional<String> refusal = Optional.ofNullable(refused.get(name));
            Map<String, Integer> counts = fixes.getOrDefault(name, Map.of());
            if (original != null) {
                // The rounds were each checked; check the whole run too, so the promise holds end to end.
                Optional<String> whole = FixSafety.problem(raw(original), raw(result));
                if (whole.isPresent()) {
                    refusal = whole;
                    result = original;
                    counts = Map.of();
                }
            }
            results.add(new FileResult(name, result.path(), Optional.ofNullable(original), result, java.util.Collections.unmodifiableMap(new TreeMap<>(counts)),
                    Optional.ofNullable(creators.get(name)), refusal));
        }
        results.sort((a, b) -> Boolean.compare(a.created(), b.created()));
        return new Outcome(List.copyOf(results), List.copyOf(latest), List.copyOf(skipped), rounds, converged);
    }

    /**
     * A fix whose finding is still reported after it was applied did not work (for example a
     * section inserted where the Markdown parser cannot see it); applying it again would only
     * pile up copies. Such a file goes back to its text before the round, and those fixes are
     * left out from then on. Counting per rule and message keeps apart identical findings of
     * which only some were applied (the others were deferred).
     */
    private static boolean revertIneffective(List<Finding> latest, Map<String, List<Finding>> input,
            Map<String, List<Finding>> appliedThisRound,
            Map<String, SourceFile> beforeRound, Map<String, SourceFile> current,
            Map<String, java.util.Set<String>> ineffective, List<String> notes) {
        boolean reverted = false;
        for (Map.Entry<String, List<Finding>> entry : appliedThisRound.entrySet()) {
            String file = entry.getKey();
            Map<String, Long> before = count(input.get(file));
            Map<String, Long> after = count(latest.stream().filter(f -> f.file().equals(file)).toList());
            List<Finding> stuck = new ArrayList<>();
            for (Finding applied : entry.getValue()) {
                String key = key(applied);
                if (after.getOrDefault(key, 0L) >= before.getOrDefault(key, 0L) && stuck.stream().noneMatch(f -> key(f).equals(key))) {
                    stuck.add(applied);
                }
            }
            if (stuck.isEmpty()) {
                continue;
            }
            current.put(file, beforeRound.get(file));
            reverted = true;
            for (Finding f : stuck) {
                ineffective.computeIfAbsent(file, k -> new java.util.LinkedHashSet<>()).add(key(f));
                notes.add(file + ": left out the fix of " + f.ruleId() + " because its finding remained after it was applied ("
                        + f.message() + ")");
            }
        }
        return reverted;
    }

    private static Map<String, Long> count(List<Finding> findings) {
        Map<String, Long> counts = new TreeMap<>();
        findings.forEach(f -> counts.merge(key(f), 1L, Long::sum));
        return counts;
    }

    private static String key(Finding finding) {
        return finding.ruleId() + '\u0000' + finding.message();
    }

    private boolean fixable(Finding finding) {
        return !finding.suppressed() && finding.fix().isPresent() && finding.fix().get().automatic()
                && include.test(finding);
    }

    /** Adds the files that creation fixes ask for, unless a file of that name exists already. */
    private boolean createFiles(List<Finding> findings, Map<String, SourceFile> current, Map<String, String> creators,
            List<String> skipped) {
        boolean changed = false;
        for (Finding finding : findings) {
            if (!fixable(finding)) {
                continue;
            }
            for (FileCreation creation : finding.fix().get().creations()) {
                Path path = creation.path().toAbsolutePath().normalize();
                String name = display.apply(path);
                if (current.containsKey(name) || current.values().stream()
                        .anyMatch(s -> s.path().toAbsolutePath().normalize().equals(path))) {
                    continue;
                }
                if (exists.test(path)) {
                    String message = "not created " + name + ": it already exists (" + finding.ruleId() + ")";
                    if (!skipped.contains(message)) {
                        skipped.add(message);
                    }
                    continue;
                }
                // A new file follows the line ending of the document whose finding asked for it.
                SourceFile reporter = current.get(finding.file());
                String eol = reporter == null ? "\n" : reporter.lineEnding().text();
                String content = creation.content().replace("\r\n", "\n").replace("\n", eol);
                current.put(name, SourceFile.of(path, name, content));
                creators.put(name, finding.ruleId());
                changed = true;
            }
        }
        return changed;
    }

    private static String rules(List<Finding> findings) {
        return String.join(", ", findings.stream().map(Finding::ruleId).distinct().sorted().toList());
    }

    static String raw(SourceFile source) {
        return source.hasBom() ? '\uFEFF' + source.text() : source.text();
    }
}
