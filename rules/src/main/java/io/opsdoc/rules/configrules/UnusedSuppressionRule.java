package io.opsdoc.rules.configrules;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.suppress.InlineSuppressor;
import java.util.List;

/**
 * {@code config/unused-suppression}: the findings come from {@link InlineSuppressor}, which alone
 * sees every finding of a file; this object gives the rule its metadata, level and options.
 */
final class UnusedSuppressionRule implements DocumentRule {
    private static final RuleMeta META = RuleMeta.of(InlineSuppressor.UNUSED_RULE, Level.NOTE,
            "an inline suppression that suppresses nothing, or names an unknown rule",
            """
            A suppression comment (`<!-- opsdoc-disable-next-line ID -->`, `opsdoc-disable` ...
            `opsdoc-enable`, `opsdoc-disable-file`, or `# opsdoc-disable-line ID` inside a code block)
            that no longer hides any finding is noise, and it will silently hide the next real problem
            on that line. A misspelt rule id hides nothing at all, so the finding it was meant for
            still fails the build and the comment misleads the reader.

            Suppressions of rules that the configuration switches off for this file are not
            reported: they become useful again when the rule is switched back on.

            **How to fix:** delete the comment, or correct the rule id (`opsdoc rules` lists them).
            Keep a reason after `--` for the suppressions you keep:

            ```markdown
            <!-- opsdoc-disable-next-line security/hardcoded-secret -- sample key from the vendor docs -->
            ```
            """,
            List.of("config"))
            .withOptions(InlineSuppressor.UNKNOWN_RULES)
            .withMessages(InlineSuppressor.UNKNOWN_RULE, InlineSuppressor.UNUSED_ALL, InlineSuppressor.UNUSED_ID);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        // Reported by the suppressor after all other rules ran.
    }
}
