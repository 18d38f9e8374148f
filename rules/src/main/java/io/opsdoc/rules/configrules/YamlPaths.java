package io.opsdoc.rules.configrules;

import io.opsdoc.core.config.CustomRuleDefinition;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Dot paths ({@code spec.template.spec.containers.*.image}) over composed YAML: a segment is a
 * mapping key, a list index, or {@code *} for every key or item. Only YAML is supported; HCL paths
 * wait for a positioned HCL tree in core.
 */
final class YamlPaths {
    private YamlPaths() {
    }

    /** A node found at a path and the key node that names it (null for list items and the root). */
    record Hit(Node key, Node value) {
    }

    /** Receives the deepest node found on a path and the first segment missing below it. */
    interface MissingSink {
        void missing(Node anchor, String segment, String foundPath);
    }

    /**
     * YAML documents of the blocks tagged {@code yaml}/{@code yml}, limited to a section when given;
     * custom rules match what the user tagged, untagged fences are not guessed at.
     */
    static List<YamlDocument> documents(MarkdownDocument document, Optional<Section> section) {
        return YamlDocument.of(section.map(document::blocksIn).orElse(document.codeBlocks()), YamlDocument.Tags.TAGGED);
    }

    static List<Hit> resolve(Node root, List<String> path) {
        List<Hit> current = List.of(new Hit(null, root));
        for (String segment : path) {
            List<Hit> next = new ArrayList<>();
            for (Hit hit : current) {
                children(hit.value(), segment).forEach(next::add);
            }
            current = next;
        }
        return current;
    }

    private static List<Hit> children(Node node, String segment) {
        List<Hit> result = new ArrayList<>();
        if (YamlNodes.isMap(node)) {
            for (NodeTuple t : YamlNodes.entries(node)) {
                Optional<String> key = YamlNodes.scalar(t.getKeyNode());
                if (segment.equals("*") || key.filter(segment::equals).isPresent()) {
                    result.add(new Hit(t.getKeyNode(), t.getValueNode()));
                }
            }
        } else if (YamlNodes.isSeq(node)) {
            List<Node> items = YamlNodes.items(node);
            if (segment.equals("*")) {
                items.forEach(i -> result.add(new Hit(null, i)));
            } else if (segment.chars().allMatch(Character::isDigit) && Integer.parseInt(segment) < items.size()) {
                result.add(new Hit(null, items.get(Integer.parseInt(segment))));
            }
        }
        return result;
    }

    /** Reports, for every branch of the path, where it stops before its end. */
    static void missing(Node root, List<String> path, MissingSink sink) {
        walkMissing(new Hit(null, root), path, 0, sink);
    }

    private static void walkMissing(Hit at, List<String> path, int index, MissingSink sink) {
        if (index == path.size()) {
            return;
        }
        String segment = path.get(index);
        List<Hit> children = children(at.value(), segment);
        if (children.isEmpty()) {
            if (!segment.equals("*")) {
                sink.missing(at.key() != null ? at.key() : at.value(), segment, String.join(".", path.subList(0, index)));
            }
            return;
        }
        for (Hit child : children) {
            walkMissing(child, path, index + 1, sink);
        }
    }

    /** True when every {@code where} path holds one of its values (any value when none are listed). */
    static boolean where(Node root, Map<List<String>, List<String>> where) {
        for (Map.Entry<List<String>, List<String>> condition : where.entrySet()) {
            boolean holds = resolve(root, condition.getKey()).stream().anyMatch(hit -> condition.getValue().isEmpty()
                    || YamlNodes.scalar(hit.value()).filter(condition.getValue()::contains).isPresent());
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    static boolean applies(CustomRuleDefinition d, Node document) {
        return where(document, d.where());
    }
}
