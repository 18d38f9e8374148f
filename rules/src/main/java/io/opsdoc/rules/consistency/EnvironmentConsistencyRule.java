package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.EnvironmentFact;
import io.opsdoc.core.facts.Environments;
import io.opsdoc.core.facts.Sections;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.LinkedHashMap;
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

    static final Message NOT_PROVISIONED = Message.of("not-provisioned",
            "The CI/CD plan deploys to {0} but {1} provisions only {2}; add the {0} environment there or "
                    + "stop deploying to it");
    static final Message NOT_DEPLOYED = Message.of("not-deployed",
            "{0} provisions {1} but the CI/CD plan deploys only to {2}; add a deployment to {1} or drop the "
                    + "environment");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Environment names differ between documents", HELP, List.of("consistency", "environments"))
            .appliesTo(DocumentFacts.CICD, DocumentFacts.IAC)
            .withMessages(NOT_PROVISIONED, NOT_DEPLOYED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        List<DocumentFacts> cicd = of(context, DocumentFacts.CICD);
        List<DocumentFacts> iac = of(context, DocumentFacts.IAC);
        if (cicd.isEmpty() || iac.isEmpty()) {
            return;
        }
        // Several documents of one type (one pipeline per service) are read together.
        Map<String, EnvironmentFact> deployed = union(cicd);
        Map<String, EnvironmentFact> provisioned = union(iac);
        if (deployed.isEmpty() || provisioned.isEmpty()) {
            return;
        }
        MarkdownDocument cicdDoc = cicd.get(0).document();
        MarkdownDocument iacDoc = iac.get(0).document();
        Optional<Section> management = iac.stream()
                .map(f -> Sections.find(f.document(), context.set().types().get(IAC_TYPE), "Environment Management"))
                .filter(Optional::isPresent).map(Optional::get).findFirst();
        String where = management.map(s -> "'" + s.title().strip() + "'").orElse("the infrastructure plan");
        for (String env : missing(deployed, provisioned)) {
            EnvironmentFact m = deployed.get(env);
            context.report(iacDoc, Report.of(Sections.anchor(iacDoc, management), NOT_PROVISIONED, env, where,
                    String.join(", ", provisioned.keySet()))
                    .withRelated(List.of(new Location(pathOf(cicd, m), m.range(), env + " in the CI/CD plan"))));
        }
        Optional<Section> cicdSection = cicdSection(cicdDoc);
        for (String env : missing(provisioned, deployed)) {
            EnvironmentFact m = provisioned.get(env);
            context.report(cicdDoc, Report.of(Sections.anchor(cicdDoc, cicdSection), NOT_DEPLOYED, where, env,
                    String.join(", ", deployed.keySet()))
                    .withRelated(List.of(new Location(pathOf(iac, m), m.range(), env + " in the infrastructure plan"))));
        }
    }

    private static final String IAC_TYPE = DocumentFacts.IAC;

    private static List<DocumentFacts> of(SetContext context, String type) {
        return context.set().documents().stream().filter(d -> d.type().id().equals(type)).map(DocumentFacts::of).toList();
    }

    private static Map<String, EnvironmentFact> union(List<DocumentFacts> docs) {
        Map<String, EnvironmentFact> result = new LinkedHashMap<>();
        for (String env : Environments.core().keySet()) {
            for (DocumentFacts f : docs) {
                f.environments().stream().filter(e -> e.name().equals(env)).findFirst()
                        .ifPresent(e -> result.putIfAbsent(env, e));
            }
        }
        return result;
    }

    private static String pathOf(List<DocumentFacts> docs, EnvironmentFact fact) {
        return docs.stream().filter(f -> f.environments().contains(fact)).findFirst().map(DocumentFacts::path)
                .orElse(docs.get(0).path());
    }

    private static List<String> missing(Map<String, EnvironmentFact> from, Map<String, EnvironmentFact> in) {
        return from.keySet().stream().filter(env -> !in.containsKey(env)).toList();
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
