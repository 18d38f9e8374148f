package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A core environment that the CI/CD plan deploys to but the infrastructure does not provision, or the reverse. */
final class EnvironmentConsistencyRule implements SetRule {
    static final String ID = "consistency/environments";

    private static final String HELP = """
            The CI/CD plan deploys to environments that the infrastructure plan must provision. When the
            pipeline promotes to `staging` but the infrastructure document only provisions `dev` and
            `prod`, the first release candidate has nowhere to go; when the infrastructure provisions a
            staging environment that no pipeline deploys to, it drifts and costs money.

            The rule compares the core environments — development (`dev`, `develop`), staging (`stg`,
            `stage`), production (`prod`, `prd`) — named by the CI/CD document and by the
            infrastructure document's *Environment Management* section (the whole document when the
            section is missing). Aliases count as equal, and extra environments (test, qa, uat, preview,
            local, sandbox) are allowed on either side. In the CI/CD document, prose, tables and
            headings count, and in code the places that name a target: `environment:` values, job ids
            such as `deploy-staging`, `--env prod`, `namespace: prod`, `prod.tfvars`, `envs/prod`; in
            the infrastructure section every mention counts, including workspace names and tfvars
            files. The words *stage* and *develop* are ordinary words in prose ("each stage", the
            `develop` branch) and are only read as environments in code. The deployment and monitoring
            documents are not compared: they mention environments in passing far more often than
            they define them.

            The finding points at the document lacking the environment: the infrastructure document's
            *Environment Management* heading, or the CI/CD document's environment or deployment
            section heading.

            **How to fix**: provision every environment the pipeline deploys to, and deploy to (or
            remove) every environment the infrastructure provisions:

            ```markdown
            ## Environment Management

            | Environment | Workspace | Deployed by |
            |---|---|---|
            | development | `dev` | merge to `main` |
            | staging | `staging` | release tag |
            | production | `prod` | approved release |
            ```
            """;

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Environment names differ between documents", HELP, List.of("consistency", "environments"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> cicd = context.set().document(SetDocs.CICD);
        Optional<TypedDocument> iac = context.set().document(SetDocs.IAC);
        if (cicd.isEmpty() || iac.isEmpty()) {
            return;
        }
        MarkdownDocument cicdDoc = cicd.get().document();
        MarkdownDocument iacDoc = iac.get().document();
        Optional<Section> management = SetDocs.section(iac.get(), "Environment Management");
        Map<String, Environments.Mention> deployed = Environments.mentions(cicdDoc, Optional.empty(), false);
        Map<String, Environments.Mention> provisioned = Environments.mentions(iacDoc, management, true);
        if (deployed.isEmpty() || provisioned.isEmpty()) {
            return;
        }
        String where = management.map(Section::title).orElse(iacDoc.path());
        for (String env : Environments.missing(deployed, provisioned)) {
            Environments.Mention m = deployed.get(env);
            String message = "The CI/CD plan deploys to " + env + " but " + where + " does not provision it"
                    + " (it names " + String.join(", ", provisioned.keySet()) + "); add the " + env
                    + " environment or stop deploying to it";
            context.report(iacDoc, Report.of(SetDocs.anchor(iacDoc, management), message)
                    .withRelated(List.of(new Location(cicdDoc.path(), m.range(), env + " in the CI/CD plan"))));
        }
        Optional<Section> cicdSection = cicdSection(cicdDoc);
        for (String env : Environments.missing(provisioned, deployed)) {
            Environments.Mention m = provisioned.get(env);
            String message = where + " provisions " + env + " but the CI/CD plan never deploys to it (it names "
                    + String.join(", ", deployed.keySet()) + "); add a deployment to " + env
                    + " or drop the environment";
            context.report(cicdDoc, Report.of(SetDocs.anchor(cicdDoc, cicdSection), message)
                    .withRelated(List.of(new Location(iacDoc.path(), m.range(), env + " in the infrastructure plan"))));
        }
    }

    /** The CI/CD section about environments or deployment, where a missing environment belongs. */
    private static Optional<Section> cicdSection(MarkdownDocument doc) {
        for (String word : List.of("environment", "deploy")) {
            for (Section s : doc.sections()) {
                String title = s.title().toLowerCase(Locale.ROOT);
                if (title.contains(word) && !title.contains("variable") && !title.contains("secret")) {
                    return Optional.of(s);
                }
            }
        }
        return doc.findSection("Pipeline Stages");
    }
}
