package io.opsdoc.core.engine;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * Outcome of a run: findings in deterministic order (file, line, column, rule, message),
 * notices about skipped files, the sources read (for snippets and fixes) and the rules that ran.
 */
public record LintResult(List<Finding> findings, List<Notice> notices, Map<String, SourceFile> sources,
        List<Rule> rules, int filesChecked, Timings timings) {

    public LintResult {
        findings = List.copyOf(findings);
        notices = List.copyOf(notices);
        sources = Map.copyOf(sources);
        rules = List.copyOf(rules);
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
