package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** The deployment plan must have a zero-downtime strategy with health gating. */
public final class ZeroDowntimeRule implements SetRule {
    static final Message RECREATE_ONLY = Message.of("recreate-only",
            "The only deployment strategy is `Recreate`, which stops every old pod before new ones start; "
                    + "use a RollingUpdate with maxUnavailable: 0, blue-green or canary");
    static final Message NO_STRATEGY = Message.of("no-strategy",
            "No zero-downtime deployment strategy found in {0} or its manifests; describe a rolling, "
                    + "blue-green or canary deployment with its health gate");
    static final Message NO_HEALTH_GATE = Message.of("no-health-gate",
            "The deployment strategy in {0} has no health gating (readiness probes, canary analysis, health "
                    + "checks before the switch); say what keeps traffic away from instances that are not ready");

    private static final String HELP = """
            "Deployment strategy supports zero downtime" needs two things: a strategy that keeps the old \
            version serving while the new one starts (rolling update, blue-green, canary) and a health \
            gate that stops traffic from reaching instances that are not ready (readiness probes, \
            canary analysis, smoke tests before the switch).

            The rule reads the deployment document: Kubernetes manifests (`Deployment` `strategy`, \
            `readinessProbe`; Argo Rollouts `canary`/`blueGreen` with analysis; Flagger `Canary`), then \
            the *Deployment Strategies* and overview text (options `zd-strategies`, `zd-health-gates`). A \
            `Recreate` strategy as the only one is reported where it is set.

            **How to fix**: describe the strategy and its gate, for example:

            ```yaml
            strategy:
              type: RollingUpdate
              rollingUpdate:
                maxUnavailable: 0
                maxSurge: 25%
            ```

            together with a `readinessProbe` on the container.
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("zd-strategies", "Names of zero-downtime strategies"));
        options.addAll(Vocabulary.get().options("zd-health-gates", "Words that identify health gating"));
        return RuleMeta.of("criteria/zero-downtime", Level.WARNING,
                "No deployment strategy with a zero-downtime mechanism (rolling/blue-green/canary with health gating)",
                HELP, List.of("criteria", "deployment")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("deployment-strategy")
                .withMessages(RECREATE_ONLY, NO_STRATEGY, NO_HEALTH_GATE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.DEPLOYMENT, "Deployment Strategies").forEach(deployment -> check(context, deployment));
    }

    private void check(SetContext context, Focus deployment) {
        MarkdownDocument doc = deployment.document();
        Optional<Section> strategies = deployment.section();
        boolean strategy = false;
        boolean gate = false;
        Node recreate = null;
        CodeBlock recreateBlock = null;
        for (YamlDocument yamlDoc : YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED)) {
            Node root = yamlDoc.root();
            CodeBlock block = yamlDoc.code();
            String kind = YamlNodes.scalarAt(root, "kind").orElse("");
            Optional<Node> spec = YamlNodes.get(root, "spec");
            boolean[] probe = {false};
            YamlNodes.walk(root, n -> probe[0] |= YamlNodes.has(n, "readinessProbe"));
            gate |= probe[0];
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                String type = spec.flatMap(s -> YamlNodes.scalarAt(s, "strategy", "type")).orElse("RollingUpdate");
                if (type.equals("Recreate")) {
                    recreate = spec.flatMap(s -> YamlNodes.path(s, "strategy", "type")).orElse(root);
                    recreateBlock = block;
                } else {
                    strategy = true;
                }
            } else if (kind.equals("Rollout")) {
                Optional<Node> st = spec.flatMap(s -> YamlNodes.get(s, "strategy"));
                if (st.map(s -> YamlNodes.has(s, "canary") || YamlNodes.has(s, "blueGreen")).orElse(false)) {
                    strategy = true;
                }
                boolean[] analysis = {false};
                st.ifPresent(s -> YamlNodes.walk(s, n -> analysis[0] |= YamlNodes.has(n, "analysis")
                        || YamlNodes.has(n, "prePromotionAnalysis") || YamlNodes.has(n, "templates")));
                gate |= analysis[0];
            } else if (kind.equals("Canary")) {
                strategy = true;
                gate |= spec.map(s -> YamlNodes.has(s, "analysis")).orElse(false);
            }
        }
        Optional<Section> overview = deployment.section("Deployment Strategy Overview");
        String text = Evidence.text(doc, List.of(strategies, overview));
        if (text.isBlank()) {
            text = Evidence.text(doc);
        }
        strategy |= Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "zd-strategies"));
        gate |= Vocabulary.contains(Evidence.text(doc), Vocabulary.get().effective(context.options(), "zd-health-gates"));
        if (!strategy && recreate != null) {
            context.report(doc, recreateBlock.yaml().range(recreate), RECREATE_ONLY);
        } else if (!strategy) {
            context.report(doc, Evidence.anchor(doc, strategies), NO_STRATEGY,
                    Evidence.where(strategies, "Deployment Strategies"));
        } else if (!gate) {
            context.report(doc, Evidence.anchor(doc, strategies), NO_HEALTH_GATE,
                    Evidence.where(strategies, "Deployment Strategies"));
        }
    }
}
