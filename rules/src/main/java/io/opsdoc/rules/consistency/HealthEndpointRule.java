package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.HealthEndpoints.Endpoint;
import io.opsdoc.core.rule.AppliesTo;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Health-check paths and ports that one document states and the others contradict. */
final class HealthEndpointRule implements SetRule {
    static final String ID = "consistency/health-endpoint";

    private static final String HELP = """
            The health endpoint is wired into several places: the Kubernetes probes decide when a pod
            gets traffic, the load balancer's health check decides which targets stay in rotation, and
            the monitoring plan's synthetic checks and runbooks tell on-call what to curl. When one of
            them names `/healthz` and the service serves `/health`, the load balancer marks every
            target unhealthy on the first deployment.

            The rule collects health endpoints from every document of the planning set: Kubernetes
            `livenessProbe`/`readinessProbe`/`startupProbe` `httpGet` (a named port is resolved through
            the container's `ports[].name`), ingress annotations (`alb.ingress.kubernetes.io/healthcheck-path`
            and `-port`), `healthCheck` resources, Terraform `health_check` blocks, Nomad/Consul \
            `service { check { type = "http" path = ... } }` (a port label resolved through \
            `network { port "http" { to = 4000 } }`), Compose `healthcheck.test` and Dockerfile
            `HEALTHCHECK` URLs, health URLs in shell blocks and workflow `run:` scripts (smoke tests),
            and the monitoring document's *Health Checks* section (`GET /health`, a URL, a code span
            such as `/readyz`, "port 8080"). Only paths whose last segment names a health endpoint
            (`health`, `healthz`, `livez`, `readyz`, `ready`, `live`, `ping`, `status`...) are taken
            from prose and commands; `/metrics` never counts. A public URL without a port is compared
            by path only.

            Liveness and readiness endpoints may legitimately differ (`/livez` and `/readyz`), so the
            rule does not demand one path: a path is reported when one document states it and **no
            other document** of the set states that path, while the others do state health paths.
            Likewise a port is reported when the other documents state the same path only with other
            numeric ports, whatever port another service's health endpoint uses. When the service is
            known on both sides (the container name of a probe, the host of a URL, or a service the
            sentence names, such as "the ledger API" for `ledger-api`), only endpoints of the same
            service are compared. The monitoring tools' own endpoints (Prometheus
            `/-/healthy`, Grafana `/api/health` on a Grafana host) are not the application's and are
            left out. With three or four documents agreeing, the odd one out is reported; when
            only two documents disagree, both places are reported, each pointing at the other.

            **How to fix**: use the same endpoint everywhere, for example:

            ```yaml
            readinessProbe:
              httpGet:
                path: /health
                port: 8080
            ```

            and in the monitoring plan: "`GET /health` on port 8080".
            """;

    static final Message PATH_MISMATCH = Message.of("path-mismatch",
            "Health path {0} from the {1} appears in no other document of the planning set, which use {2}; "
                    + "use the same health endpoint everywhere");
    static final Message PORT_MISMATCH = Message.of("port-mismatch",
            "Health endpoint {0} is on port {1} in the {2} but on port {3} in the other documents; use the "
                    + "same port everywhere");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "Health-check path or port differ between documents", HELP, List.of("consistency", "health"))
            .appliesTo(AppliesTo.anyType())
            .withMessages(PATH_MISMATCH, PORT_MISMATCH);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        List<Endpoint> all = new ArrayList<>();
        for (DocumentFacts facts : DocumentFacts.of(context.set())) {
            facts.healthEndpoints().stream().filter(e -> !e.monitoringTool()).forEach(all::add);
        }
        all = attributed(all);
        Set<String> documents = new LinkedHashSet<>();
        all.forEach(e -> documents.add(e.doc().path()));
        if (documents.size() < 2) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        for (Endpoint e : all) {
            List<Endpoint> others = all.stream().filter(o -> o.doc() != e.doc()).toList();
            List<Endpoint> samePath = others.stream().filter(o -> o.path().equals(e.path())).toList();
            if (samePath.isEmpty()) {
                if (reported.add(e.doc().path() + "#" + e.pathRange().start().offset())) {
                    Set<String> otherPaths = new LinkedHashSet<>();
                    others.forEach(o -> otherPaths.add(o.path()));
                    context.report(e.doc(), Report.of(e.pathRange(), PATH_MISMATCH, e.path(), e.source(),
                            String.join(", ", otherPaths)).withRelated(related(others)));
                }
                continue;
            }
            if (e.port().isEmpty()) {
                continue;
            }
            List<Endpoint> withPorts = samePath.stream()
                    .filter(o -> o.port().isPresent() && sameService(e, o)).toList();
            boolean agrees = withPorts.stream().anyMatch(o -> o.port().getAsInt() == e.port().getAsInt());
            if (withPorts.isEmpty() || agrees) {
                continue;
            }
            if (reported.add(e.doc().path() + "#" + e.portRange().start().offset())) {
                Set<String> ports = new LinkedHashSet<>();
                withPorts.forEach(o -> ports.add(String.valueOf(o.port().getAsInt())));
                context.report(e.doc(), Report.of(e.portRange(), PORT_MISMATCH, e.path(), e.port().getAsInt(), e.source(),
                        String.join(", ", ports)).withRelated(related(withPorts)));
            }
        }
    }

    /**
     * Statements without a service take the one their text names ("the ledger API answers `/healthz`
     * on port 9102" belongs to {@code ledger-api}, whatever port the reconciler uses), else the only
     * service of another document with the same path and port; others stay unnamed.
     */
    private static List<Endpoint> attributed(List<Endpoint> all) {
        List<Endpoint> result = new ArrayList<>();
        for (Endpoint e : all) {
            if (!e.service().isEmpty()) {
                result.add(e);
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            Set<String> samePort = new LinkedHashSet<>();
            for (Endpoint o : all) {
                if (o.doc() != e.doc() && !o.service().isEmpty() && o.path().equals(e.path())) {
                    named.add(o.service().toLowerCase(java.util.Locale.ROOT));
                    if (e.port().isPresent() && o.port().equals(e.port())) {
                        samePort.add(o.service().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            List<String> mentioned = named.stream().filter(e::mentions).toList();
            if (mentioned.size() == 1) {
                result.add(e.ofService(mentioned.get(0)));
            } else if (mentioned.isEmpty() && samePort.size() == 1) {
                result.add(e.ofService(samePort.iterator().next()));
            } else {
                result.add(e);
            }
        }
        return result;
    }

    /** Endpoints of named services compare only with the same service; an unnamed side compares with any. */
    private static boolean sameService(Endpoint a, Endpoint b) {
        return a.service().isEmpty() || b.service().isEmpty() || a.service().equalsIgnoreCase(b.service());
    }

    private static List<Location> related(List<Endpoint> endpoints) {
        List<Location> result = new ArrayList<>();
        for (Endpoint o : endpoints) {
            String port = o.port().isPresent() ? " port " + o.port().getAsInt() : "";
            result.add(new Location(o.doc().path(), o.pathRange(), o.source() + ": " + o.path() + port));
            if (result.size() >= 8) {
                break;
            }
        }
        return result;
    }
}
