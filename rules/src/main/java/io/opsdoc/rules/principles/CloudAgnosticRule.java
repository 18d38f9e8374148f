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

/** Principle 3: a local or portable alternative to the cloud setup exists. */
public final class CloudAgnosticRule implements SetRule {
    static final Message NO_ALTERNATIVE = Message.of("no-alternative",
            "No local or portable alternative to the cloud setup in the planning set (no Docker Compose "
                    + "file, kind/k3d/minikube cluster or LocalStack); describe how the system runs outside the cloud "
                    + "account");

    private static final String HELP = """
            Principle 3, "Cloud Provider Agnostic — design for portability (provide Docker Compose/local \
            alternatives)": whatever cloud the team chooses, the plan also gives a portable way to run the \
            system — Docker Compose, a kind/k3d/minikube cluster, LocalStack for cloud APIs, Tilt or \
            Skaffold — so that nothing can only be tried in the cloud account.

            The rule reads all documents of the set: Compose files in YAML blocks (top-level `services:` \
            with images or builds) and the names of local alternatives (option `local-alternatives`). It \
            reports on the infrastructure document's overview.

            **How to fix**:

            ```yaml
            # compose.yaml: the same services as production, on a laptop
            services:
              api:
                build: .
                ports: ["8080:8080"]
              postgres:
                image: postgres:16
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("principles/cloud-agnostic", Level.WARNING,
                "No local or portable alternative (Docker Compose, kind, LocalStack, ...) to the cloud setup", HELP,
                List.of("principles", "portability")).withOptions(Vocabulary.get()
                        .options("local-alternatives", "Local or portable alternatives").toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code")
                .withMessages(NO_ALTERNATIVE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        if (iac.isEmpty()) {
            return;
        }
        List<String> terms = Vocabulary.get().effective(context.options(), "local-alternatives");
        for (TypedDocument d : context.set().documents()) {
            if (hasComposeFile(d.document()) || Vocabulary.contains(Evidence.text(d.document()), terms)) {
                return;
            }
        }
        MarkdownDocument doc = iac.get().document();
        Optional<Section> overview = Focus.of(iac.get(), "Infrastructure as Code Overview").section();
        context.report(doc, Evidence.anchor(doc, overview), NO_ALTERNATIVE);
    }

    static boolean hasComposeFile(MarkdownDocument doc) {
        for (YamlDocument yamlDoc : YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED)) {
            Node root = yamlDoc.root();
            Optional<Node> services = YamlNodes.get(root, "services");
            if (services.isPresent() && YamlNodes.entries(services.get()).stream().anyMatch(
                    t -> YamlNodes.has(t.getValueNode(), "image") || YamlNodes.has(t.getValueNode(), "build"))) {
                return true;
            }
        }
        return false;
    }
}
