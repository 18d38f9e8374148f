package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Container images with {@code :latest} or without any tag, in any Kubernetes object: built-in
 * workloads, Argo Rollouts, Knative services, Tekton tasks and any custom resource that holds a
 * container-like mapping with an {@code image}.
 */
final class LatestTagRule implements DocumentRule {
    static final String ID = "kubernetes/latest-tag";

    /** Keys whose items are containers, whatever the resource kind. */
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers",
            "sidecars", "steps");
    /** Keys that, next to `image`, make a mapping a container (Argo Workflows' `container:`, CRD fields). */
    private static final Set<String> CONTAINER_KEYS = Set.of("name", "command", "args", "ports", "env", "envFrom",
            "resources", "imagePullPolicy", "volumeMounts", "workingDir", "securityContext");
    private static final int MAX_DEPTH = 24;

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

    static final Message MUTABLE = Message.of("mutable-image",
            "image '{0}' {1} {2}; pin a release tag or a digest (@sha256:...)");

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Container image with `:latest` or no tag", HELP, List.of("kubernetes", "reproducibility"))
            .withMessages(MUTABLE);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        for (Workloads.Manifest manifest : Workloads.manifests(context)) {
            Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            visit(context, manifest, manifest.object(), false, seen, 0);
        }
    }

    /** Walks the object; {@code listed} says the node is an item of a container list. */
    private static void visit(DocumentContext context, Workloads.Manifest manifest, Node node, boolean listed,
            Set<Node> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(node)) {
            return;
        }
        if (node instanceof MappingNode map) {
            Optional<Node> image = Workloads.get(map, "image").filter(n -> n instanceof ScalarNode);
            if (image.isPresent() && (listed || depth > 0 && containerLike(map))) {
                report(context, manifest, map, image.get());
            }
            for (NodeTuple tuple : map.getValue()) {
                String key = YamlNodes.scalar(tuple.getKeyNode()).orElse("");
                Node value = tuple.getValueNode();
                if (CONTAINER_LISTS.contains(key)) {
                    YamlNodes.items(value).forEach(item -> visit(context, manifest, item, true, seen, depth + 1));
                } else {
                    visit(context, manifest, value, false, seen, depth + 1);
                }
            }
        } else {
            YamlNodes.items(node).forEach(item -> visit(context, manifest, item, false, seen, depth + 1));
        }
    }

    private static boolean containerLike(MappingNode map) {
        return YamlNodes.keys(map).stream().anyMatch(CONTAINER_KEYS::contains);
    }

    private static void report(DocumentContext context, Workloads.Manifest manifest, MappingNode container, Node image) {
        String value = YamlNodes.scalar(image).orElse("").strip();
        String owner = Workloads.get(container, "name").flatMap(YamlNodes::scalar)
                .map(name -> "of container '" + name + "'").orElse("in the " + manifest.kind());
        problem(value).ifPresent(problem -> context.report(manifest.block().range(image), MUTABLE, value, owner, problem));
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
