package io.opsdoc.rules.kubernetes;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Recognises Kubernetes workloads in the yaml/yml blocks of a document: every document of a
 * multi-document stream and the items of a {@code kind: List}. Reads YAML merge keys
 * ({@code <<: *defaults}), which SnakeYAML Engine (YAML 1.2) leaves unresolved.
 */
final class Workloads {
    /** Kinds whose pods run continuously and are rolled out (probes matter). */
    static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private Workloads() {
    }

    /** One workload object with the block that maps its positions. */
    record Workload(YamlBlock block, String kind, MappingNode object) {
        /** The pod spec: {@code spec.template.spec}, {@code spec} for a Pod, the job template's for a CronJob. */
        Optional<Node> podSpec() {
            return switch (kind) {
                case "Pod" -> get(object, "spec");
                case "CronJob" -> path(object, "spec", "jobTemplate", "spec", "template", "spec");
                default -> path(object, "spec", "template", "spec");
            };
        }

        /** Container mappings of {@code containers:} (and {@code initContainers:} when asked). */
        List<MappingNode> containers(boolean withInit) {
            List<MappingNode> result = new ArrayList<>();
            Optional<Node> spec = podSpec();
            List<String> keys = withInit ? List.of("initContainers", "containers") : List.of("containers");
            for (String key : keys) {
                spec.flatMap(s -> get(s, key)).ifPresent(seq -> YamlNodes.items(seq).forEach(item -> {
                    if (item instanceof MappingNode container) {
                        result.add(container);
                    }
                }));
            }
            return result;
        }

        /**
         * Containers that define a whole container, with an {@code image}. Without one the mapping
         * is a Kustomize/strategic-merge patch that only changes some fields of a base manifest
         * (probes and resources then live in the base), so whole-container checks skip it.
         */
        List<MappingNode> completeContainers() {
            return containers(false).stream().filter(c -> has(c, "image")).toList();
        }

        /** Where to point findings about a container: its {@code name:} value, else its first key. */
        io.opsdoc.core.source.Range containerRange(MappingNode container) {
            Optional<Node> name = get(container, "name").filter(n -> n instanceof ScalarNode);
            if (name.isPresent()) {
                return block.range(name.get());
            }
            List<NodeTuple> entries = container.getValue();
            return block.range(entries.isEmpty() ? container : entries.get(0).getKeyNode());
        }

        String containerName(MappingNode container) {
            return get(container, "name").flatMap(YamlNodes::scalar).orElse("(unnamed)");
        }
    }

    /** Any Kubernetes object (a mapping with {@code apiVersion} and {@code kind}), with its block. */
    record Manifest(YamlBlock block, String kind, MappingNode object) {
    }

    /** Every Kubernetes object of the document's YAML blocks, items of a {@code kind: List} included. */
    static List<Manifest> manifests(DocumentContext context) {
        List<Manifest> result = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            addManifests(doc.block(), doc.root(), result, 0);
        }
        return result;
    }

    private static void addManifests(YamlBlock yaml, Node node, List<Manifest> out, int depth) {
        if (!(node instanceof MappingNode map) || depth > 4) {
            return;
        }
        Optional<String> kind = get(map, "kind").flatMap(YamlNodes::scalar);
        if (kind.isEmpty() || !has(map, "apiVersion") && !has(map, "spec")) {
            return;
        }
        if (kind.get().endsWith("List") && has(map, "items")) {
            YamlNodes.items(get(map, "items").orElse(null)).forEach(item -> addManifests(yaml, item, out, depth + 1));
        } else {
            out.add(new Manifest(yaml, kind.get(), map));
        }
    }

    /** Workloads of the given kinds, each object once even when aliases repeat it. */
    static List<Workload> find(DocumentContext context, Set<String> kinds) {
        List<Workload> result = new ArrayList<>();
        // Aliases repeat objects within one block, never across blocks.
        Map<YamlBlock, Set<Node>> seen = new IdentityHashMap<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            Set<Node> seenInBlock = seen.computeIfAbsent(doc.block(),
                    b -> Collections.newSetFromMap(new IdentityHashMap<>()));
            collect(doc.block(), doc.root(), kinds, seenInBlock, result, 0);
        }
        return result;
    }

    private static void collect(YamlBlock yaml, Node node, Set<String> kinds, Set<Node> seen, List<Workload> out,
            int depth) {
        if (!(node instanceof MappingNode map) || !seen.add(map) || depth > 4) {
            return;
        }
        String kind = get(map, "kind").flatMap(YamlNodes::scalar).orElse("");
        if (kind.equals("List") || kind.endsWith("List") && has(map, "items")) {
            for (Node item : YamlNodes.items(get(map, "items").orElse(null))) {
                collect(yaml, item, kinds, seen, out, depth + 1);
            }
        } else if (kinds.contains(kind)) {
            out.add(new Workload(yaml, kind, map));
        }
    }

    // Merge-key aware access ----------------------------------------------------------------

    /** The value of {@code key}, looking into {@code <<} merges when the mapping lacks it. */
    static Optional<Node> get(Node node, String key) {
        return YamlNodes.getMerged(node, key);
    }

    static boolean has(Node node, String key) {
        return YamlNodes.hasMerged(node, key);
    }

    static Optional<Node> path(Node node, String... keys) {
        return YamlNodes.pathMerged(node, keys);
    }
}
