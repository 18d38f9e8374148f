package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Development, staging and production must all be documented. */
public final class EnvironmentsRule implements SetRule {
    private static final List<String[]> ENVIRONMENTS = List.of(
            new String[] {"env-development", "development"},
            new String[] {"env-staging", "staging"},
            new String[] {"env-production", "production"});

    static final Message MISSING = Message.of("missing",
            "No {0} environment documented in {1}, the CI/CD deployments or the deployment plan; document "
                    + "development, staging and production with how each is provisioned and deployed");

    private static final String HELP = """
            The role asks for development, staging and production environments. A plan without staging \
            ships untested infrastructure changes straight to production; a plan without a development \
            environment leaves developers sharing staging.

            The rule reads the infrastructure document's *Environment Management* section (tables, \
            per-environment variable files, workspace lists), the CI/CD document (deployment jobs' \
            `environment:`, branch triggers) and the deployment document. Names are matched with their \
            usual aliases (dev, stg, prod; options `env-development`, `env-staging`, `env-production`).

            **How to fix**: list every environment in *Environment Management*, for example:

            ```markdown
            | Environment | Purpose | Deployed from |
            |---|---|---|
            | development | feature work, ephemeral data | every merge to `main` |
            | staging | release candidate, production-like | release tags |
            | production | customers | approved release tags |
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        for (String[] env : ENVIRONMENTS) {
            options.addAll(Vocabulary.get().options(env[0], "Names of the " + env[1] + " environment"));
        }
        return RuleMeta.of("criteria/environments", Level.WARNING,
                "Development, staging and production are not all documented", HELP, List.of("criteria", "environments"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code", "cicd-pipeline", "deployment-strategy")
                .withMessages(MISSING);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        Optional<TypedDocument> cicd = context.set().document(DocumentFacts.CICD);
        Optional<TypedDocument> deploy = context.set().document(DocumentFacts.DEPLOYMENT);
        if (iac.isEmpty() && cicd.isEmpty() && deploy.isEmpty()) {
            return;
        }
        StringBuilder haystack = new StringBuilder();
        Optional<Section> management = iac.flatMap(d -> Focus.of(d, "Environment Management").section());
        iac.ifPresent(d -> haystack.append(Evidence.text(d.document(), management)).append('\n'));
        cicd.ifPresent(d -> haystack.append(Evidence.text(d.document())).append('\n')
                .append(PipelineSteps.text(PipelineSteps.of(d.document()))).append('\n'));
        deploy.ifPresent(d -> haystack.append(Evidence.text(d.document())).append('\n'));
        List<String> missing = new ArrayList<>();
        for (String[] env : ENVIRONMENTS) {
            if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), env[0]))) {
                missing.add(env[1]);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        TypedDocument target = iac.or(() -> cicd).or(() -> deploy).orElseThrow();
        MarkdownDocument doc = target.document();
        Optional<Section> where = iac.isPresent() ? management : Optional.empty();
        Range range = Evidence.anchor(doc, where);
        context.report(doc, range, MISSING, String.join(", ", missing),
                iac.isPresent() ? Evidence.where(management, "Environment Management") : "the planning set");
    }
}
