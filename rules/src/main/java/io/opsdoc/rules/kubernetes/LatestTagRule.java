package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.RuleMeta;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Container images with {@code :latest} or without any tag. */
final class LatestTagRule implements DocumentRule {
    static final String ID = "kubernetes/latest-tag";

    /** Every kind that carries a pod template. */
    private static final Set<String> KINDS = Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob");

    private static final String HELP = """
            An image without a tag means `:latest`, and `:latest` is a moving pointer: two pods of
            the same Deployment can run different code, a rollback redeploys whatever `latest` is
            now (not the previous release), and `imagePullPolicy` defaults to `Always`, so every
            restart depends on the registry. A registry port is not a tag: `registry:5000/app`
            has no tag. Images pinned by digest (`@sha256:...`) are fine, and values filled in by
            templating (`{{ .Values.image.tag }}`, `${TAG}`) are not judged.

            **How to fix**: deploy the immutable version the pipeline built (a release tag or the
            commit SHA), ideally with its digest:

            ```yaml
            containers:
              - name: api
                image: registry.acme.internal:5000/api:1.8.2@sha256:9c4d2f0e7b1a3c5d8e6f4a2b0c9d7e5f3a1b8c6d4e2f0a9b7c5d3e1f8a6b4c2d
            ```
            """;

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Container image with `:latest` or no tag", HELP, List.of("kubernetes", "reproducibility"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (Workloads.Workload workload : Workloads.find(context, KINDS)) {
            for (MappingNode container : workload.containers(true)) {
                Optional<Node> image = Workloads.get(container, "image").filter(n -> n instanceof ScalarNode);
                if (image.isEmpty()) {
                    continue;
                }
                String value = YamlNodes.scalar(image.get()).orElse("").strip();
                problem(value).ifPresent(problem -> context.report(workload.block().range(image.get()),
                        "image '" + value + "' of container '" + workload.containerName(container) + "' " + problem
                                + "; pin a release tag or a digest (@sha256:...)"));
            }
        }
    }

    static Optional<String> problem(String image) {
        if (image.isEmpty() || image.contains("{{") || image.contains("${") || image.contains("$(")
                || image.contains("@")) {
            return Optional.empty();
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            return Optional.of("has no tag, so it runs whatever 'latest' points to");
        }
        String tag = last.substring(colon + 1);
        if (tag.toLowerCase(Locale.ROOT).equals("latest")) {
            return Optional.of("uses the moving tag 'latest'");
        }
        return Optional.empty();
    }
}
