package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.rules.criteria.PipelineSteps;
import io.opsdoc.core.facts.Vocabulary;
import java.util.List;
import java.util.Optional;

/** Principle 8: linting, formatting and complexity checks gate the pipeline. */
public final class QualityGatesRule implements SetRule {
    static final Message NO_GATE = Message.of("no-gate",
            "No lint, format or complexity gate found in {0} or the pipeline's steps; add a blocking step "
                    + "that runs the linters and the formatter check");

    private static final String HELP = """
            Principle 8, "Code Quality Gates — linting, formatting, complexity checks in CI/CD": the \
            pipeline fails when code does not pass the linters, the formatter check or the complexity \
            limits, so style and obvious defects never reach review.

            The rule reads the CI/CD document's workflow jobs and steps (`run: npm run lint`, \
            `golangci-lint`, `ruff check`, `terraform fmt -check`, SonarQube quality gate...) and its \
            *Pipeline Stages* text (option `quality-tools`).

            **How to fix**:

            ```yaml
            - name: Lint and format check
              run: |
                npm run lint -- --max-warnings 0
                npx prettier --check .
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("principles/quality-gates", Level.WARNING, "No lint/format/complexity gates in CI", HELP,
                List.of("principles", "cicd", "quality")).withOptions(Vocabulary.get()
                        .options("quality-tools", "Linters, formatters and quality-gate tools").toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline")
                .withMessages(NO_GATE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.CICD, "Pipeline Stages").forEach(cicd -> check(context, cicd));
    }

    private void check(SetContext context, Focus cicd) {
        MarkdownDocument doc = cicd.document();
        Optional<Section> stages = cicd.section();
        String haystack = PipelineSteps.text(PipelineSteps.of(doc)) + "\n" + Evidence.text(doc, stages);
        if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), "quality-tools"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_GATE, Evidence.where(stages, "Pipeline Stages"));
        }
    }
}
