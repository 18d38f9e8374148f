package io.opsdoc.core.embedded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Small, null-safe helpers for reading composed YAML trees. */
public final class YamlNodes {
    private YamlNodes() {
    }

    public static boolean isMap(Node node) {
        return node instanceof MappingNode;
    }

    public static boolean isSeq(Node node) {
        return node instanceof SequenceNode;
    }

    public static boolean isScalar(Node node) {
        return node instanceof ScalarNode;
    }

    /** Scalar value, or empty for non-scalars. */
    public static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** Key-value pairs of a mapping (empty for other nodes). */
    public static List<NodeTuple> entries(Node node) {
        return node instanceof MappingNode m ? m.getValue() : List.of();
    }

    /** Items of a sequence (empty for other nodes). */
    public static List<Node> items(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** The value under scalar key {@code key} (the last one if repeated). */
    public static Optional<Node> get(Node node, String key) {
        Node found = null;
        for (NodeTuple tuple : entries(node)) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                found = tuple.getValueNode();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The value of {@code key}, looking into {@code <<: *anchor} merges when the mapping lacks it.
     * Kubernetes, Prometheus and Alertmanager read YAML with go-yaml, which honours merge keys,
     * while SnakeYAML Engine (YAML 1.2) keeps {@code <<} as an ordinary entry.
     */
    public static Optional<Node> getMerged(Node node, String key) {
        return getMerged(node, key, 0);
    }

    private static Optional<Node> getMerged(Node node, String key, int depth) {
        Optional<Node> direct = get(node, key);
        if (direct.isPresent() || depth > 8) {
            return direct;
        }
        for (Node source : mergeSources(node)) {
            Optional<Node> found = getMerged(source, key, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public static boolean hasMerged(Node node, String key) {
        return getMerged(node, key).isPresent();
    }

    /** Follows a path of mapping keys, looking into {@code <<} merges at every step. */
    public static Optional<Node> pathMerged(Node node, String... keys) {
        Optional<Node> current = Optional.ofNullable(node);
        for (String key : keys) {
            current = current.flatMap(n -> getMerged(n, key));
        }
        return current;
    }

    /** Scalar keys of a mapping in order, then those of its direct {@code <<} merge sources that it does not override. */
    public static List<String> keysMerged(Node node) {
        List<String> keys = new ArrayList<>(keys(node));
        keys.remove("<<");
        for (Node source : mergeSources(node)) {
            keys(source).stream().filter(k -> !keys.contains(k) && !k.equals("<<")).forEach(keys::add);
        }
        return keys;
    }

    /** The mappings merged into {@code node} with {@code <<} (one mapping or a sequence of them). */
    public static List<Node> mergeSources(Node node) {
        Optional<Node> merge = get(node, "<<");
        if (merge.isEmpty()) {
            return List.of();
        }
        return merge.get() instanceof MappingNode ? List.of(merge.get()) : items(merge.get());
    }

    /** The key node of {@code key}, to point findings at the key rather than the value. */
    public static Optional<Node> keyNode(Node node, String key) {
        Node found = null;
        for (NodeTuple tuple : entries(node)) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Follows a path of mapping keys. */
    public static Optional<Node> path(Node node, String... keys) {
        Optional<Node> current = Optional.ofNullable(node);
        for (String key : keys) {
            current = current.flatMap(n -> get(n, key));
        }
        return current;
    }

    public static Optional<String> scalarAt(Node node, String... keys) {
        return path(node, keys).flatMap(YamlNodes::scalar);
    }

    public static boolean has(Node node, String key) {
        return get(node, key).isPresent();
    }

    /** Scalar keys of a mapping in order. */
    public static List<String> keys(Node node) {
        List<String> keys = new ArrayList<>();
        for (NodeTuple tuple : entries(node)) {
            scalar(tuple.getKeyNode()).ifPresent(keys::add);
        }
        return keys;
    }

    /** Visits every node once (aliases and recursive documents included), depth-first, without recursion. */
    /** One entry of a mapping met by {@link #walkEntries}: the mapping, its key as text and its value. */
    public interface EntryVisitor {
        void visit(MappingNode map, String key, Node value);
    }

    /** Every entry of every mapping under {@code root} (aliases visited once), in document order. */
    public static void walkEntries(Node root, EntryVisitor visitor) {
        walk(root, node -> {
            if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    visitor.visit(map, scalar(t.getKeyNode()).orElse(""), t.getValueNode());
                }
            }
        });
    }

    public static void walk(Node root, Consumer<Node> visitor) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node == null || !seen.add(node)) {
                continue;
            }
            visitor.accept(node);
            if (node instanceof MappingNode m) {
                List<NodeTuple> tuples = m.getValue();
                for (int i = tuples.size() - 1; i >= 0; i--) {
                    stack.push(tuples.get(i).getValueNode());
                    stack.push(tuples.get(i).getKeyNode());
                }
            } else if (node instanceof SequenceNode s) {
                List<Node> values = s.getValue();
                for (int i = values.size() - 1; i >= 0; i--) {
                    stack.push(values.get(i));
                }
            }
        }
    }

    /** Every mapping in the tree, in document order. */
    public static List<MappingNode> mappings(Node root) {
        List<MappingNode> result = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof MappingNode m) {
                result.add(m);
            }
        });
        return result;
    }
}
