package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Deployment RollingUpdate settings that let every replica go down, or that Kubernetes rejects. */
final class UnsafeRollingUpdateRule implements DocumentRule {
    static final String ID = "kubernetes/unsafe-rolling-update";

    private static final String HELP = """
            A Deployment's RollingUpdate keeps at least `replicas - maxUnavailable` pods available
            and creates at most `maxSurge` extra pods. Percentages resolve against `replicas`
            (default 1): `maxUnavailable` rounds down, `maxSurge` rounds up; both default to 25%.
            When `maxUnavailable` resolves to the replica count or more (for example
            `maxUnavailable: 1` with a single replica, or `100%`), a rollout may stop every pod at
            once: the deployment is not zero-downtime. When both resolve to 0, Kubernetes rejects
            literal zeros, and for percentages that round to 0 the controller silently allows one
            unavailable pod.

            **How to fix**: surge new pods first and never take an old one down before a new one is
            ready, and run more than one replica:

            ```yaml
            spec:
              replicas: 3
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxUnavailable: 0
                  maxSurge: 1
            ```
            """;

    static final Message BOTH_ZERO = Message.of("both-zero",
            "maxUnavailable and maxSurge are both 0, which Kubernetes rejects; set maxSurge: 1 so new pods "
                    + "start before old ones stop");
    static final Message BOTH_RESOLVE_ZERO = Message.of("both-resolve-zero",
            "maxUnavailable and maxSurge both resolve to 0 for {0}, so the controller falls back to 1 "
                    + "unavailable pod; set maxSurge: 1 and maxUnavailable: 0");
    static final Message ALL_UNAVAILABLE = Message.of("all-unavailable",
            "maxUnavailable resolves to {0} of {1}, so a rollout can take every pod down at once; use "
                    + "maxUnavailable: 0 with maxSurge: 1{2}");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "RollingUpdate whose maxUnavailable can take all replicas down (not zero-downtime)",
            HELP, List.of("kubernetes", "zero-downtime"))
            .withMessages(BOTH_ZERO, BOTH_RESOLVE_ZERO, ALL_UNAVAILABLE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** An int-or-percent value as written. */
    private record IntOrPercent(int value, boolean percent) {
        int resolve(int replicas, boolean roundUp) {
            if (!percent) {
                return value;
            }
            long scaled = (long) value * replicas;
            return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
        }

        boolean literalZero() {
            return value == 0;
        }
    }

    @Override
    public void check(DocumentContext context) {
        for (Workloads.Workload workload : Workloads.find(context, Set.of("Deployment"))) {
            Optional<Node> spec = Workloads.get(workload.object(), "spec");
            Optional<Node> strategy = spec.flatMap(s -> Workloads.get(s, "strategy"));
            String type = strategy.flatMap(s -> Workloads.get(s, "type")).flatMap(YamlNodes::scalar).orElse("RollingUpdate");
            if (strategy.isEmpty() || !type.equals("RollingUpdate")) {
                continue;
            }
            Optional<Node> rolling = Workloads.get(strategy.get(), "rollingUpdate");
            Optional<Node> unavailableNode = rolling.flatMap(r -> Workloads.get(r, "maxUnavailable"));
            Optional<Node> surgeNode = rolling.flatMap(r -> Workloads.get(r, "maxSurge"));
            if (unavailableNode.isEmpty() && surgeNode.isEmpty()) {
                continue; // defaults (25%/25%) never take every replica down
            }
            OptionalInt replicas = replicas(spec.flatMap(s -> Workloads.get(s, "replicas")));
            Optional<IntOrPercent> unavailable = intOrPercent(unavailableNode, 25);
            Optional<IntOrPercent> surge = intOrPercent(surgeNode, 25);
            if (replicas.isEmpty() || replicas.getAsInt() <= 0 || unavailable.isEmpty() || surge.isEmpty()) {
                continue; // templated or scaled-to-zero: nothing to judge
            }
            int r = replicas.getAsInt();
            int mu = unavailable.get().resolve(r, false);
            int ms = surge.get().resolve(r, true);
            Node at = unavailableNode.orElseGet(surgeNode::get);
            String replicasText = r + (r == 1 ? " replica" : " replicas");
            if (mu == 0 && ms == 0) {
                boolean literal = unavailable.get().literalZero() && surge.get().literalZero();
                at = surgeNode.orElse(at);
                if (literal) {
                    context.report(workload.block().range(at), BOTH_ZERO);
                } else {
                    context.report(workload.block().range(at), BOTH_RESOLVE_ZERO, replicasText);
                }
            } else if (mu >= r) {
                context.report(workload.block().range(at), ALL_UNAVAILABLE, mu, replicasText,
                        r == 1 ? " (or run more replicas)" : "");
            }
        }
    }

    private static OptionalInt replicas(Optional<Node> node) {
        if (node.isEmpty()) {
            return OptionalInt.of(1);
        }
        return node.flatMap(YamlNodes::scalar).map(String::strip).filter(s -> s.matches("\\d{1,6}"))
                .map(s -> OptionalInt.of(Integer.parseInt(s))).orElse(OptionalInt.empty());
    }

    private static Optional<IntOrPercent> intOrPercent(Optional<Node> node, int defaultPercent) {
        if (node.isEmpty()) {
            return Optional.of(new IntOrPercent(defaultPercent, true));
        }
        if (!(node.get() instanceof ScalarNode scalar)) {
            return Optional.empty();
        }
        String text = scalar.getValue().strip();
        if (text.matches("\\d{1,6}%")) {
            return Optional.of(new IntOrPercent(Integer.parseInt(text.substring(0, text.length() - 1)), true));
        }
        if (text.matches("\\d{1,6}")) {
            return Optional.of(new IntOrPercent(Integer.parseInt(text), false));
        }
        return Optional.empty();
    }
}
