package io.opsdoc.rules.markdown;

import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleProvider;
import java.util.List;

/** Registers the rules of this family. */
public final class MarkdownRules implements RuleProvider {
    @Override
    public List<Rule> rules() {
        return List.of(
                new CodeBlockLanguageRule(),
                new CodeBlockUnknownLanguageRule(),
                new UnclosedCodeBlockRule(),
                new HeadingIncrementRule(),
                new BrokenLinkRule());
    }
}
