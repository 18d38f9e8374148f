package io.opsdoc.core.rule;

import io.opsdoc.core.Level;
import io.opsdoc.core.source.Range;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One problem found by a rule.
 *
 * @param file display path of the file (relative, '/'-separated)
 * @param sensitive true when the flagged text is a secret: reports must not show the source
 *     line (snippet) nor hash it into fingerprints
 * @param suppression how the finding was suppressed in source, empty when it is active
 * @param messageId the id of the rule's message this finding formats (its metadata declares it)
 */
public record Finding(
        String ruleId,
        Level level,
        String message,
        String file,
        Range range,
        Optional<Fix> fix,
        List<Location> related,
        boolean sensitive,
        Optional<String> suppression,
        Optional<String> messageId) {

    public Finding {
        related = List.copyOf(related);
    }

    /** A finding without a message id (findings of tests and tools that have none). */
    public Finding(String ruleId, Level level, String message, String file, Range range, Optional<Fix> fix,
            List<Location> related, boolean sensitive, Optional<String> suppression) {
        this(ruleId, level, message, file, range, fix, related, sensitive, suppression, Optional.empty());
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(f -> f.range().start().line())
            .thenComparingInt(f -> f.range().start().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public int line() {
        return range.start().line();
    }

    public int column() {
        return range.start().column();
    }

    public boolean suppressed() {
        return suppression.isPresent();
    }

    public Finding withLevel(Level newLevel) {
        return new Finding(ruleId, newLevel, message, file, range, fix, related, sensitive, suppression, messageId);
    }

    public Finding withSuppression(String justification) {
        return new Finding(ruleId, level, message, file, range, fix, related, sensitive, Optional.of(justification),
                messageId);
    }
}
