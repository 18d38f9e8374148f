package io.opsdoc.rules.markdown;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;

/** A heading more than one level deeper than the heading before it. */
public final class HeadingIncrementRule implements DocumentRule {
    static final String ID = "markdown/heading-increment";

    static final Message JUMP = Message.of("jump", "heading level jumps from h{0} to h{1}; use {2} (h{3}) here");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Heading level jumps by more than one",
            """
            Heading levels form the outline of a document: screen readers, GitHub's table of contents and \
            opsdoc's section matching all read a `####` as a sub-section of the `###` before it. Jumping \
            from `##` to `####` leaves a level out, so the outline has a hole and a sub-section may be \
            attributed to the wrong parent (for example a *Rollback Procedures* sub-heading that ends up \
            under *Feature Flags*). The first heading may have any level; only steps deeper count, going \
            back up any number of levels is fine.

            **How to fix**: use the next level down, or add the missing intermediate heading.

            ```markdown
            ## Deployment Process
            ### Canary Analysis
            ```
            """,
            List.of("markdown", "structure"))
            .withMessages(JUMP);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        int previous = 0;
        for (Heading heading : context.document().headings()) {
            int level = heading.level();
            if (previous > 0 && level > previous + 1) {
                context.report(heading.range(), JUMP, previous, level, "#".repeat(previous + 1), previous + 1);
            }
            previous = level;
        }
    }
}
