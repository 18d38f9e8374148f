package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.rules.criteria.Evidence;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Principle 7: the container orchestration choice is stated. */
public final class OrchestrationRule implements SetRule {
    static final Message NO_ORCHESTRATION = Message.of("no-orchestration",
            "No container orchestration choice stated in {0}; say where the containers run (e.g. "
                    + "Kubernetes/EKS, ECS, Docker Swarm, Docker Compose)");

    private static final String HELP = """
            Principle 7, "Container Orchestration — ask preference (Kubernetes, Docker Swarm, Docker \
            Compose)": the plan states where containers run, because deployment strategy, health checks, \
            scaling and rollback all depend on it.

            The rule reads the infrastructure and deployment documents: Kubernetes manifests \
            (`apiVersion` + `kind`), cluster resources in HCL (`aws_eks_cluster`, `aws_ecs_service`, \
            `google_container_cluster`, `azurerm_kubernetes_cluster`), and orchestrator names (option \
            `orchestrators`).

            **How to fix**: in *Compute Resources*, for example "Workloads run on Amazon EKS 1.30 \
            (managed node groups); developers use kind locally."
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("principles/orchestration", Level.NOTE, "No container orchestration choice stated", HELP,
                List.of("principles", "containers")).withOptions(Vocabulary.get()
                        .options("orchestrators", "Container orchestrator names").toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code", "deployment-strategy")
                .withMessages(NO_ORCHESTRATION);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        Optional<TypedDocument> deploy = context.set().document(DocumentFacts.DEPLOYMENT);
        if (iac.isEmpty() && deploy.isEmpty()) {
            return;
        }
        List<String> terms = Vocabulary.get().effective(context.options(), "orchestrators");
        for (Optional<TypedDocument> d : List.of(iac, deploy)) {
            if (d.isPresent() && (Vocabulary.contains(Evidence.text(d.get().document()), terms)
                    || hasManifest(d.get().document()))) {
                return;
            }
        }
        TypedDocument target = iac.orElseGet(deploy::orElseThrow);
        Optional<Section> section = iac.isPresent() ? Focus.of(target, "Compute Resources").section()
                : Focus.of(target, "Deployment Strategy Overview").section();
        MarkdownDocument doc = target.document();
        context.report(doc, Evidence.anchor(doc, section), NO_ORCHESTRATION,
                Evidence.where(section, iac.isPresent() ? "Compute Resources" : "Deployment Strategy Overview"));
    }

    private static boolean hasManifest(MarkdownDocument doc) {
        for (YamlDocument yamlDoc : YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED)) {
            Node root = yamlDoc.root();
            if (YamlNodes.has(root, "apiVersion") && YamlNodes.has(root, "kind")) {
                return true;
            }
        }
        return false;
    }
}
