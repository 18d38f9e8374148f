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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Principle 9: dependencies are updated regularly and scanned for vulnerabilities. */
public final class DependencyManagementRule implements SetRule {
    static final Message NO_UPDATES = Message.of("no-updates",
            "No dependency update policy in the CI/CD plan (no Renovate, Dependabot version updates or "
                    + "update routine); say how dependencies are kept current");
    static final Message NO_SCANNING = Message.of("no-scanning",
            "No dependency vulnerability scanning in the CI/CD plan; add a scan of the dependencies (e.g. "
                    + "Snyk, OSV-Scanner, npm audit, Trivy)");

    private static final String HELP = """
            Principle 9, "Dependency Management — regular updates, vulnerability scanning": the plan \
            says how dependencies are kept current (Renovate, Dependabot version updates, a weekly \
            update routine) and how they are scanned for known vulnerabilities (Snyk, OSV-Scanner, \
            `npm audit`, Trivy...).

            The rule reads the CI/CD and infrastructure documents: workflow steps and text (options \
            `dependency-updates`, `vulnerability-scanning`). Each missing half is a separate note.

            **How to fix**:

            ```json
            { "extends": ["config:recommended"], "schedule": ["before 6am on monday"] }
            ```

            (a `renovate.json`), plus a blocking `osv-scanner --lockfile=package-lock.json` step.
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("dependency-updates", "Dependency update tools and policies"));
        options.addAll(Vocabulary.get().options("vulnerability-scanning", "Dependency vulnerability scanners"));
        return RuleMeta.of("principles/dependency-management", Level.NOTE,
                "No dependency update or vulnerability scanning policy", HELP, List.of("principles", "dependencies"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline")
                .withMessages(NO_UPDATES, NO_SCANNING);
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
        StringBuilder haystack = new StringBuilder(PipelineSteps.text(PipelineSteps.of(doc)))
                .append('\n').append(Evidence.text(doc));
        context.set().document(DocumentFacts.IAC).ifPresent(d -> haystack.append(Evidence.text(d.document())));
        Optional<Section> stages = cicd.section();
        if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), "dependency-updates"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_UPDATES);
        }
        if (!Vocabulary.contains(haystack, Vocabulary.get().effective(context.options(), "vulnerability-scanning"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_SCANNING);
        }
    }
}
