package io.opsdoc.rules.prometheus;

import io.opsdoc.core.embedded.YamlNodes;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Merge-key aware lookups: Prometheus and
 * Alertmanager read YAML with go-yaml, which honours {@code <<: *anchor}, while SnakeYAML Engine
 * (YAML 1.2) leaves the merge key as an ordinary entry.
 */
final class YamlDocs {
    private YamlDocs() {
    }

    static Optional<Node> get(Node node, String key) {
        return YamlNodes.getMerged(node, key);
    }

    static boolean has(Node node, String key) {
        return YamlNodes.hasMerged(node, key);
    }

    static Optional<String> scalar(Node node, String key) {
        return get(node, key).flatMap(YamlNodes::scalar);
    }

    /** Keys of a mapping including those merged in with {@code <<}. */
    static List<String> keys(Node node) {
        return YamlNodes.keysMerged(node);
    }
}
