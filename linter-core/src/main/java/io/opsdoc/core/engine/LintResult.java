package io.opsdoc.core.engine;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a run: findings in deterministic order (file, line, column, rule, message),
 * notices about skipped files, the sources read (for snippets and fixes) and the rules that ran.
 *
 * @param sources the text of the files read, by display path: every file, or only the files with
 *     a finding when the linter keeps reported sources only (see {@code Linter.keepingReportedSourcesOnly})
 * @param files every file checked, by display path (with or without a finding)
 */
public record LintResult(List<Finding> findings, List<Notice> notices, Map<String, SourceFile> sources,
        List<Rule> rules, int filesChecked, Timings timings, Map<String, Path> files) {

    public LintResult {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
        sources = Map.copyOf(sources);
        rules = List.copyOf(rules);
        files = Map.copyOf(files);
    }

    /** A result that holds the text of every file it checked. */
    public LintResult(List<Finding> findings, List<Notice> notices, Map<String, SourceFile> sources,
            List<Rule> rules, int filesChecked, Timings timings) {
        this(findings, notices, sources, rules, filesChecked, timings, pathsOf(sources));
    }

    private static Map<String, Path> pathsOf(Map<String, SourceFile> sources) {
        Map<String, Path> paths = new java.util.HashMap<>();
        sources.forEach((display, source) -> paths.put(display, source.path()));
        return paths;
    }

    /** Active (not suppressed) findings. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    public long count(Level level) {
        return active().stream().filter(f -> f.level() == level).count();
    }

    /**
     * Notices of files (or planning sets) that were meant to be checked and were not: a path that
     * does not exist, an unreadable file, an internal error. A run with any is incomplete and must
     * not pass; skips by design (binary, too large) are not errors.
     */
    public List<Notice> errors() {
        return notices.stream().filter(n -> n.kind() == Notice.Kind.ERROR).toList();
    }

    /** True when some active finding is at or above {@code threshold}. */
    public boolean hasAtLeast(Level threshold) {
        return active().stream().anyMatch(f -> f.level().atLeast(threshold));
    }
}
