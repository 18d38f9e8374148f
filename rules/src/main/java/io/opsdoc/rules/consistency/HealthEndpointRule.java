package io.opsdoc.rules.consistency;

import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
            and `-port`), `healthCheck` resources, Compose `healthcheck.test` and Dockerfile
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
            numeric ports and use that port for none of their health endpoints. With three or four documents agreeing, the odd one out is reported; when
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

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "Health-check path or port differ between documents", HELP, List.of("consistency", "health"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        List<HealthEndpoints.Endpoint> all = new ArrayList<>();
        for (TypedDocument typed : context.set().documents()) {
            Optional<Section> healthSection = typed.type().id().equals(SetDocs.MONITORING)
                    ? SetDocs.section(typed, "Health Checks") : Optional.empty();
            all.addAll(HealthEndpoints.of(typed.document(), healthSection));
        }
        Set<String> documents = new LinkedHashSet<>();
        all.forEach(e -> documents.add(e.doc().path()));
        if (documents.size() < 2) {
            return;
        }
        Set<String> reported = new LinkedHashSet<>();
        for (HealthEndpoints.Endpoint e : all) {
            List<HealthEndpoints.Endpoint> others = all.stream().filter(o -> o.doc() != e.doc()).toList();
            if (others.isEmpty()) {
                continue;
            }
            List<HealthEndpoints.Endpoint> samePath = others.stream().filter(o -> o.path().equals(e.path())).toList();
            if (samePath.isEmpty()) {
                if (reported.add(e.doc().path() + "#" + e.pathRange().start().offset())) {
                    Set<String> otherPaths = new LinkedHashSet<>();
                    others.forEach(o -> otherPaths.add(o.path()));
                    String message = "Health path " + e.path() + " (" + e.source() + ") is stated by no other document"
                            + " of the planning set, which use " + String.join(", ", otherPaths)
                            + "; use the same health endpoint everywhere";
                    context.report(e.doc(), Report.of(e.pathRange(), message).withRelated(related(others)));
                }
                continue;
            }
            if (e.port().isEmpty()) {
                continue;
            }
            List<HealthEndpoints.Endpoint> withPorts = samePath.stream().filter(o -> o.port().isPresent()).toList();
            boolean agrees = withPorts.stream().anyMatch(o -> o.port().getAsInt() == e.port().getAsInt());
            // A port some other document uses for its health endpoints is not the odd one out:
            // there the other side of the disagreement is reported.
            boolean knownElsewhere = others.stream()
                    .anyMatch(o -> o.port().isPresent() && o.port().getAsInt() == e.port().getAsInt());
            if (!withPorts.isEmpty() && !agrees && !knownElsewhere && reported.add(e.doc().path() + "#" + e.portRange().start().offset())) {
                Set<String> ports = new LinkedHashSet<>();
                withPorts.forEach(o -> ports.add(String.valueOf(o.port().getAsInt())));
                String message = "Health endpoint " + e.path() + " is on port " + e.port().getAsInt() + " here ("
                        + e.source() + ") but on port " + String.join(", ", ports)
                        + " in the other documents; use the same port everywhere";
                context.report(e.doc(), Report.of(e.portRange(), message).withRelated(related(withPorts)));
            }
        }
    }

    private static List<Location> related(List<HealthEndpoints.Endpoint> endpoints) {
        List<Location> result = new ArrayList<>();
        for (HealthEndpoints.Endpoint o : endpoints) {
            String port = o.port().isPresent() ? " port " + o.port().getAsInt() : "";
            result.add(new Location(o.doc().path(), o.pathRange(), o.source() + ": " + o.path() + port));
            if (result.size() >= 8) {
                break;
            }
        }
        return result;
    }
}
