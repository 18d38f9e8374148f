package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.promql.PromQlError;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Rule expressions that the PromQL parser rejects. */
final class PromqlSyntaxRule implements DocumentRule {
    static final String ID = "prometheus/promql-syntax";

    private static final String HELP = """
            Prometheus refuses to load a rule file when one `expr:` does not parse, so a single
            typo disables every rule of the file. The rule parses each rule's expression with the
            PromQL parser and reports the parser's message at the position of the problem inside the
            expression (exact for single-line values, the right line for block scalars). Typical
            causes are unbalanced parentheses or braces, a misspelled or invented function
            (`percentile(...)` instead of `histogram_quantile(...)`), a range selector on an
            expression that is not a plain selector, and `==`/`=` mix-ups in label matchers.
            Malformed range durations are reported by `prometheus/invalid-duration` instead.
            Expressions with templating (`{{ }}`, `${...}`) and LogQL expressions of Loki rule
            files are not parsed.

            **How to fix**: correct the expression (try it in the Prometheus expression browser or
            with `promtool check rules`):

            ```yaml
            - alert: ApiErrorBudgetBurn
              expr: |
                sum(rate(http_requests_total{job="api", code=~"5.."}[1h]))
                  / sum(rate(http_requests_total{job="api"}[1h])) > (14.4 * 0.001)
              for: 2m
            ```
            """;

    static final Message INVALID = Message.of("invalid", "invalid PromQL in '{0}': {1}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "PromQL expression that cannot parse (unbalanced brackets, bad range selector, unknown function)",
            HELP, List.of("prometheus", "syntax"))
            .withMessages(INVALID);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        SourceFile source = context.document().source();
        for (AlertRules.RuleNode rule : AlertRules.rules(context)) {
            Optional<Node> exprNode = rule.get("expr").filter(n -> n instanceof ScalarNode);
            if (exprNode.isEmpty()) {
                continue;
            }
            ScalarNode expr = (ScalarNode) exprNode.get();
            String text = expr.getValue();
            if (text.isBlank() || Exprs.notPromQl(text)) {
                continue;
            }
            Optional<PromQlError> error = Exprs.parse(text).error();
            if (error.isEmpty() || Exprs.badRange(text, error.get()).isPresent()) {
                continue;
            }
            Position at = ScalarPositions.locate(source, rule.block(), expr, error.get().offset());
            int end = Math.min(Math.max(at.offset() + error.get().endOffset() - error.get().offset(), at.offset()),
                    source.lineContentEnd(at.line()));
            context.report(source.range(at.offset(), end), INVALID, rule.name(), error.get().message());
        }
    }
}
