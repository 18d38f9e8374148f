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
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.core.facts.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Principle 11: configuration per environment and a secrets strategy are stated. */
public final class ConfigManagementRule implements SetRule {
    static final Message NO_PER_ENVIRONMENT = Message.of("no-per-environment",
            "No per-environment configuration strategy in {0} or the environment management; say how "
                    + "configuration differs per environment (tfvars, overlays, values files)");
    static final Message NO_SECRETS = Message.of("no-secrets",
            "No secrets strategy in {0}; say where each environment's secrets are stored and how they are "
                    + "injected");

    private static final String HELP = """
            Principle 11, "Configuration Management — ask how to handle secrets/config across \
            environments": the plan says how configuration differs per environment (tfvars per \
            environment, Helm values or Kustomize overlays, config maps, stack configs) and where \
            secrets come from in each environment.

            The rule reads the CI/CD document's *Environment Variables & Secrets* section and the \
            infrastructure document's *Environment Management* section (tables with one column per \
            environment count), with options `per-environment-config` and `secret-stores`.

            **How to fix**:

            ```markdown
            Configuration lives in `deploy/overlays/<env>/` (Kustomize); secrets come from AWS Secrets
            Manager through External Secrets, one path per environment.
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("per-environment-config", "Words for per-environment configuration"));
        options.addAll(Vocabulary.get().options("secret-stores", "Names of secrets stores"));
        return RuleMeta.of("principles/config-management", Level.NOTE,
                "No per-environment configuration / secrets strategy", HELP, List.of("principles", "configuration"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline", "infrastructure-as-code")
                .withMessages(NO_PER_ENVIRONMENT, NO_SECRETS);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> cicd = context.set().document(DocumentFacts.CICD);
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        if (cicd.isEmpty() && iac.isEmpty()) {
            return;
        }
        Optional<Section> secretsSection = cicd.flatMap(d -> Focus.of(d, "Environment Variables & Secrets").section());
        Optional<Section> envSection = iac.flatMap(d -> Focus.of(d, "Environment Management").section());
        StringBuilder haystack = new StringBuilder();
        cicd.ifPresent(d -> haystack.append(Evidence.text(d.document(), secretsSection)).append('\n'));
        iac.ifPresent(d -> haystack.append(Evidence.text(d.document(), envSection)).append('\n'));
        iac.ifPresent(d -> haystack.append(Evidence.tableText(d.document(), envSection)));
        TypedDocument target = cicd.orElseGet(iac::orElseThrow);
        MarkdownDocument doc = target.document();
        Optional<Section> anchor = cicd.isPresent() ? secretsSection : envSection;
        String where = cicd.isPresent() ? Evidence.where(secretsSection, "Environment Variables & Secrets")
                : Evidence.where(envSection, "Environment Management");
        if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), "per-environment-config"))
                && !EnvironmentColumns.hasEnvironmentTable(iac.map(TypedDocument::document), envSection)) {
            context.report(doc, Evidence.anchor(doc, anchor), NO_PER_ENVIRONMENT, where);
        }
        if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), "secret-stores"))) {
            context.report(doc, Evidence.anchor(doc, anchor), NO_SECRETS, where);
        }
    }
}
