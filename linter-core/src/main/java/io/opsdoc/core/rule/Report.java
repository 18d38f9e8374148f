package io.opsdoc.core.rule;

import io.opsdoc.core.Level;
import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * What a rule reports; the engine adds the rule id, file and effective level.
 *
 * @param messageId the id of the {@link Message} of the rule's metadata this report formats;
 *     empty only for the deprecated {@link #of(Range, String)}
 * @param level overrides the rule's level for this finding (e.g. a tag ref is only a note), or empty
 * @param sensitive the flagged text is a secret: never print the source line
 */
public record Report(Range range, String message, Optional<String> messageId, Optional<Level> level,
        Optional<Fix> fix, List<Location> related, boolean sensitive) {

    public Report {
        related = List.copyOf(related);
    }

    /** The finding {@code message} formatted with {@code args}. */
    public static Report of(Range range, Message message, Object... args) {
        return new Report(range, message.format(args), Optional.of(message.id()), Optional.empty(), Optional.empty(),
                List.of(), false);
    }

    /**
     * A report without a message id.
     *
     * @deprecated declare the message in the rule's metadata and use {@link #of(Range, Message, Object...)};
     *     the engine reports an internal error for a report without a declared message id
     */
    @Deprecated
    public static Report of(Range range, String message) {
        return new Report(range, message, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), false);
    }

    public Report withLevel(Level newLevel) {
        return new Report(range, message, messageId, Optional.of(newLevel), fix, related, sensitive);
    }

    public Report withFix(Fix newFix) {
        return new Report(range, message, messageId, level, Optional.of(newFix), related, sensitive);
    }

    public Report withoutFix() {
        return new Report(range, message, messageId, level, Optional.empty(), related, sensitive);
    }

    public Report withRelated(List<Location> locations) {
        return new Report(range, message, messageId, level, fix, locations, sensitive);
    }

    public Report withMessage(String text) {
        return new Report(range, text, messageId, level, fix, related, sensitive);
    }

    public Report asSensitive() {
        return new Report(range, message, messageId, level, fix, related, true);
    }
}
