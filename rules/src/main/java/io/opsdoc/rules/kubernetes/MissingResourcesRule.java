package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Containers that declare neither resource requests nor limits. */
final class MissingResourcesRule implements DocumentRule {
    static final String ID = "kubernetes/missing-resources";

    private static final String HELP = """
            A container without `resources.requests` is scheduled as if it needed nothing, so nodes
            get overcommitted, the pod lands in the `BestEffort` QoS class (evicted first under
            memory pressure), and HorizontalPodAutoscaler cannot compute CPU utilisation. The rule
            is a note: it fires only when a Deployment, StatefulSet or DaemonSet container has
            neither `requests` nor `limits` (a namespace LimitRange may supply defaults; say so in
            the document if you rely on one). Container entries without an `image` are patches of a
            base manifest and are skipped. Requests without CPU limits are a deliberate and
            accepted practice and are not reported.

            **How to fix**: state requests from observed usage and a memory limit:

            ```yaml
            containers:
              - name: api
                image: ghcr.io/acme/api:1.8.2
                resources:
                  requests:
                    cpu: 250m
                    memory: 256Mi
                  limits:
                    memory: 512Mi
            ```
            """;

    static final Message MISSING = Message.of("missing",
            "container '{0}' of {1} declares no resource requests or limits; add resources.requests (cpu, "
                    + "memory) and a memory limit");

    private static final RuleMeta META = RuleMeta.of(ID, Level.NOTE,
            "Container without resource requests/limits", HELP, List.of("kubernetes", "capacity"))
            .withMessages(MISSING);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (Workloads.Workload workload : Workloads.find(context, Workloads.LONG_RUNNING)) {
            for (MappingNode container : workload.completeContainers()) {
                Optional<Node> resources = Workloads.get(container, "resources");
                boolean declared = resources.isPresent()
                        && (Workloads.has(resources.get(), "requests") || Workloads.has(resources.get(), "limits"));
                if (!declared) {
                    context.report(workload.containerRange(container), MISSING, workload.containerName(container),
                            workload.kind());
                }
            }
        }
    }
}
