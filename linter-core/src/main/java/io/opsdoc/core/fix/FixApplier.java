package io.opsdoc.core.fix;

import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies the text edits of fixable findings to one file. Edits are taken in a deterministic
 * order (position, then rule id); an edit that overlaps one already accepted is skipped, so
 * the next run can apply it on fresh offsets. New lines are written with the file's own line
 * ending and the BOM is kept.
 */
public final class FixApplier {
    private FixApplier() {
    }

    /** Result text (with BOM when the file had one) and the findings whose fixes were applied. */
    public record Applied(String text, List<Finding> applied, List<Finding> deferred) {
        public boolean changed() {
            return !applied.isEmpty();
        }
    }

    public static Applied apply(SourceFile source, List<Finding> findings) {
        record Candidate(Finding finding, List<TextEdit> edits, int start, int end) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.suppressed() || finding.fix().isEmpty() || !finding.fix().get().automatic()
                    || finding.fix().get().edits().isEmpty()
                    || !finding.file().equals(source.displayPath())) {
                continue;
            }
            List<TextEdit> edits = finding.fix().get().edits();
            int start = edits.stream().mapToInt(TextEdit::start).min().orElse(0);
            int end = edits.stream().mapToInt(TextEdit::end).max().orElse(0);
            if (end > source.text().length()) {
                continue;
            }
            candidates.add(new Candidate(finding, edits, start, end));
        }
        candidates.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end)
                .thenComparing(c -> c.finding().ruleId()).thenComparing(c -> c.finding().message()));
        List<Finding> applied = new ArrayList<>();
        List<Finding> deferred = new ArrayList<>();
        List<TextEdit> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean overlaps = false;
            for (TextEdit edit : candidate.edits()) {
                for (TextEdit other : accepted) {
                    if (overlap(edit, other)) {
                        overlaps = true;
                    }
                }
            }
            if (overlaps) {
                deferred.add(candidate.finding());
            } else {
                accepted.addAll(candidate.edits());
                applied.add(candidate.finding());
            }
        }
        accepted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        String text = source.text();
        String eol = source.lineEnding().text();
        StringBuilder out = new StringBuilder(text.length() + 256);
        if (source.hasBom()) {
            out.append('\uFEFF');
        }
        int cursor = 0;
        for (TextEdit edit : accepted) {
            out.append(text, cursor, edit.start());
            out.append(edit.replacement().replace("\r\n", "\n").replace("\n", eol));
            cursor = edit.end();
        }
        out.append(text, cursor, text.length());
        return new Applied(out.toString(), applied, deferred);
    }

    /** Two insertions at the same point conflict (their order would be arbitrary); touching edits do not. */
    private static boolean overlap(TextEdit a, TextEdit b) {
        if (a.isInsertion() && b.isInsertion()) {
            return a.start() == b.start();
        }
        if (a.isInsertion()) {
            return a.start() > b.start() && a.start() < b.end();
        }
        if (b.isInsertion()) {
            return b.start() > a.start() && b.start() < a.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }
}
