package io.opsdoc.rules.prometheus;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Recognises Prometheus rules in a document: rule files ({@code groups[].rules[]}, also nested,
 * e.g. in a PrometheusRule's {@code spec.groups} or Helm values), a single group
 * ({@code name} + {@code rules}), bare rule lists and a single rule mapping.
 */
final class AlertRules {
    private AlertRules() {
    }

    /** A rule group found under a {@code groups:} sequence. */
    record Group(YamlBlock block, MappingNode node) {
    }

    /** An alerting ({@code alert:}) or recording ({@code record:}) rule. */
    record RuleNode(YamlBlock block, MappingNode node) {
        boolean alerting() {
            return YamlDocs.has(node, "alert");
        }

        String name() {
            return YamlDocs.scalar(node, alerting() ? "alert" : "record").orElse("(unnamed)");
        }

        Optional<Node> get(String key) {
            return YamlDocs.get(node, key);
        }

        /** The rule's name value (alert/record), where findings about the whole rule point. */
        Range nameRange() {
            Optional<Node> name = YamlNodes.get(node, alerting() ? "alert" : "record");
            return block.range(name.orElse(node));
        }
    }

    static List<Group> groups(DocumentContext context) {
        List<Group> groups = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            groupNodes(doc.root()).forEach(g -> groups.add(new Group(doc.block(), g)));
        }
        return groups;
    }

    static List<RuleNode> rules(DocumentContext context) {
        List<RuleNode> rules = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<MappingNode> groups = groupNodes(doc.root());
            if (groups.isEmpty() && YamlNodes.isMap(doc.root()) && YamlDocs.has(doc.root(), "rules")) {
                groups = List.of((MappingNode) doc.root());
            }
            for (MappingNode group : groups) {
                for (Node item : YamlNodes.items(YamlDocs.get(group, "rules").orElse(null))) {
                    if (item instanceof MappingNode rule && isRule(rule, false) && seen.add(rule)) {
                        rules.add(new RuleNode(doc.block(), rule));
                    }
                }
            }
            for (Node item : YamlNodes.items(doc.root())) {
                if (item instanceof MappingNode rule && isRule(rule, true) && seen.add(rule)) {
                    rules.add(new RuleNode(doc.block(), rule));
                }
            }
            if (doc.root() instanceof MappingNode rule && isRule(rule, true) && seen.add(rule)) {
                rules.add(new RuleNode(doc.block(), rule));
            }
        }
        return rules;
    }

    /** Mappings under any {@code groups:} sequence whose {@code rules:} is a sequence. */
    private static List<MappingNode> groupNodes(Node root) {
        List<MappingNode> groups = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        YamlNodes.walk(root, node -> {
            if (node instanceof MappingNode map) {
                for (Node item : YamlNodes.items(YamlDocs.get(map, "groups").orElse(null))) {
                    if (item instanceof MappingNode group && YamlDocs.get(group, "rules").filter(YamlNodes::isSeq).isPresent()
                            && seen.add(group)) {
                        groups.add(group);
                    }
                }
            }
        });
        return groups;
    }

    /** A rule names itself with a scalar alert/record; outside a group it must also have an expr. */
    private static boolean isRule(MappingNode map, boolean needsExpr) {
        boolean named = YamlDocs.get(map, "alert").filter(n -> n instanceof ScalarNode).isPresent()
                || YamlDocs.get(map, "record").filter(n -> n instanceof ScalarNode).isPresent();
        return named && (!needsExpr || YamlDocs.has(map, "expr"));
    }
}
