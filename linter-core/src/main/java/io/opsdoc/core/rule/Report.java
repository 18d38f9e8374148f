package io.opsdoc.core.rule;

import io.opsdoc.core.Level;
import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * What a rule reports; the engine adds the rule id, file and effective level.
 *
 * @param level overrides the rule's level for this finding (e.g. a tag ref is only a note), or empty
 * @param sensitive the flagged text is a secret: never print the source line
 */
public record Report(Range range, String message, Optional<Level> level, Optional<Fix> fix,
        List<Location> related, boolean sensitive) {

    public Report {
        related = List.copyOf(related);
    }

    public static Report of(Range range, String message) {
        return new Report(range, message, Optional.empty(), Optional.empty(), List.of(), false);
    }

    public Report withLevel(Level newLevel) {
        return new Report(range, message, Optional.of(newLevel), fix, related, sensitive);
    }

    public Report withFix(Fix newFix) {
        return new Report(range, message, level, Optional.of(newFix), related, sensitive);
    }

    public Report withRelated(List<Location> locations) {
        return new Report(range, message, level, fix, locations, sensitive);
    }

    public Report asSensitive() {
        return new Report(range, message, level, fix, related, true);
    }
}
