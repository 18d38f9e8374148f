package io.opsdoc.rules.githubactions;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Known-deprecated major versions of actions (data table {@code deprecated-actions.tsv}). */
final class OutdatedActionRule implements DocumentRule {
    static final String ID = "github-actions/outdated-action";

    /** The version comment Dependabot and Renovate keep beside a SHA pin: {@code @<sha> # v3.6.0}. */
    private static final Pattern VERSION_COMMENT = Pattern.compile("^\\s*#\\s*(?:tag[=:]\\s*)?(v?\\d+(?:\\.\\d+)*)\\b");

    private static final String HELP = """
            Old major versions of widely used actions run on retired Node.js runtimes (Node 12 and
            16) or call retired GitHub services (the v1-v3 artifact actions, the v1-v2 cache action).
            Workflows that use them print deprecation warnings, are forced onto newer runtimes with
            unpredictable results, or fail outright. The versions come from a data table that
            lists, for each action, the deprecated majors and the oldest supported one. A SHA pin
            is checked against its version comment (`@<sha> # v3.6.0`).

            **How to fix**: move to the recommended major (read its release notes for renamed
            inputs; the artifact actions v4 changed how same-name uploads behave), ideally pinned by
            SHA:

            ```yaml
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-node@v4
                with:
                  node-version: 20
                  cache: npm
              - uses: actions/upload-artifact@v4
                with:
                  name: dist
                  path: dist/
            ```
            """;

    static final Message DEPRECATED = Message.of("deprecated", "'{0}' {1} is deprecated ({2}); use {0}@{3} or newer");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "A known-deprecated major version of an action (e.g. actions/checkout@v1..v3)",
            HELP, List.of("github-actions", "maintenance"))
            .withMessages(DEPRECATED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (Workflows.Uses uses : Workflows.uses(context)) {
            Optional<ActionRef> parsed = ActionRef.parse(uses.value().getValue());
            if (parsed.isEmpty() || parsed.get().kind() != ActionRef.Kind.REMOTE) {
                continue;
            }
            ActionRef ref = parsed.get();
            Range range = uses.doc().block().range(uses.value());
            String version = ref.ref();
            if (ref.pinnedToFullSha()) {
                Optional<String> commented = versionComment(context.document().source(), range);
                if (commented.isEmpty()) {
                    continue;
                }
                version = commented.get();
            }
            OptionalInt major = ActionRef.major(version);
            if (major.isEmpty()) {
                continue;
            }
            String shown = version;
            DeprecatedActions.find(ref.name(), major.getAsInt()).ifPresent(entry -> context.report(range, DEPRECATED,
                    ref.name(), shown, entry.reason(), entry.recommended()));
        }
    }

    private static Optional<String> versionComment(SourceFile source, Range range) {
        if (range.end().line() != range.start().line()) {
            return Optional.empty();
        }
        int line = range.end().line();
        int lineEnd = source.lineContentEnd(line);
        int from = Math.min(range.end().offset(), lineEnd);
        Matcher m = VERSION_COMMENT.matcher(source.text().substring(from, lineEnd));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
