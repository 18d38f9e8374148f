package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.Level;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/** Long-running containers without a readinessProbe (warning) or livenessProbe (note). */
final class MissingProbeRule implements DocumentRule {
    static final String ID = "kubernetes/missing-probe";

    private static final String HELP = """
            Without a `readinessProbe`, Kubernetes sends traffic to a pod as soon as its process
            starts and counts it as available during a rolling update, so a rollout of a broken or
            still-warming version proceeds and drops requests: zero-downtime deployment depends on
            readiness. Without a `livenessProbe`, a deadlocked process is never restarted. The rule
            checks the containers of Deployments, StatefulSets and DaemonSets (also inside
            multi-document streams and `kind: List`); init containers and Jobs/CronJobs are not
            checked because they run to completion, and neither are container entries without an
            `image` (Kustomize or strategic-merge patches that change a few fields of a base
            manifest). A missing readinessProbe is a warning, a missing livenessProbe a separate note.

            **How to fix**: add both probes, pointing at cheap endpoints (readiness may check
            dependencies, liveness should not):

            ```yaml
            containers:
              - name: api
                image: ghcr.io/acme/api:1.8.2
                ports:
                  - name: http
                    containerPort: 8080
                readinessProbe:
                  httpGet: { path: /ready, port: http }
                  periodSeconds: 5
                livenessProbe:
                  httpGet: { path: /healthz, port: http }
                  initialDelaySeconds: 10
                  periodSeconds: 10
            ```
            """;

    static final Message NO_READINESS = Message.of("no-readiness",
            "container '{0}' of {1} has no readinessProbe, so it receives traffic before it is ready; add a "
                    + "readinessProbe");
    static final Message NO_LIVENESS = Message.of("no-liveness",
            "container '{0}' of {1} has no livenessProbe, so a hung process is never restarted; add a "
                    + "livenessProbe");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "A Deployment/StatefulSet/DaemonSet container without a readinessProbe (and livenessProbe)",
            HELP, List.of("kubernetes", "reliability"))
            .withMessages(NO_READINESS, NO_LIVENESS);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (Workloads.Workload workload : Workloads.find(context, Workloads.LONG_RUNNING)) {
            for (MappingNode container : workload.completeContainers()) {
                String name = workload.containerName(container);
                if (!Workloads.has(container, "readinessProbe")) {
                    context.report(workload.containerRange(container), NO_READINESS, name, workload.kind());
                }
                if (!Workloads.has(container, "livenessProbe")) {
                    context.report(Report.of(workload.containerRange(container), NO_LIVENESS, name, workload.kind())
                            .withLevel(Level.NOTE));
                }
            }
        }
    }
}
