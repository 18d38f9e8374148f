package io.opsdoc.rules.prometheus;

import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.RuleMeta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Alertmanager routes that name a receiver the configuration does not define. */
final class UnknownReceiverRule implements DocumentRule {
    static final String ID = "alertmanager/unknown-receiver";
    private static final String RECEIVERS = "receivers";

    private static final String HELP = """
            Every `receiver:` in an Alertmanager routing tree (the root `route` and any nested
            `routes`) must name an entry of `receivers:`. Alertmanager refuses to start with
            `undefined receiver "..." used in route`, and a config reload keeps the old
            configuration, so the new routing silently never takes effect. The rule looks at each
            YAML document that holds both `route:` and `receivers:` (an `alertmanager.yml`, an
            `AlertmanagerConfig` spec, or the `config:` of Helm values) and compares names exactly
            (they are case-sensitive).

            **How to fix**: define the receiver, or correct the name in the route:

            ```yaml
            route:
              receiver: default
              routes:
                - matchers: ['severity="critical"']
                  receiver: pagerduty-critical
            receivers:
              - name: default
                slack_configs:
                  - channel: '#alerts'
              - name: pagerduty-critical
                pagerduty_configs:
                  - routing_key_file: /etc/alertmanager/secrets/pagerduty-key
            ```
            """;

    static final Message UNDEFINED = Message.of("undefined",
            "route receiver '{0}' is not defined (defined receivers: {1}); add it to receivers: or fix the "
                    + "name");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A route names a receiver that the configuration does not define", HELP,
            List.of("alertmanager", "alerting"))
            .withMessages(UNDEFINED);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(DocumentContext context) {
        if (!context.document().text().contains(RECEIVERS)) {
            // No YAML in the file can hold the receivers key (written plainly, quoted or in flow style).
            return;
        }
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            for (MappingNode config : configs(doc.root())) {
                checkConfig(context, doc.block(), config);
            }
        }
    }

    /** Mappings with a {@code route} mapping and a {@code receivers} sequence. */
    private static List<MappingNode> configs(Node root) {
        List<MappingNode> configs = new ArrayList<>();
        YamlNodes.walk(root, node -> {
            if (node instanceof MappingNode map && YamlDocs.get(map, "route").filter(YamlNodes::isMap).isPresent()
                    && YamlDocs.get(map, RECEIVERS).filter(YamlNodes::isSeq).isPresent()) {
                configs.add(map);
            }
        });
        return configs;
    }

    private static void checkConfig(DocumentContext context, YamlBlock block, MappingNode config) {
        Set<String> defined = new LinkedHashSet<>();
        for (Node receiver : YamlNodes.items(YamlDocs.get(config, RECEIVERS).orElse(null))) {
            YamlDocs.scalar(receiver, "name").ifPresent(defined::add);
        }
        String list = defined.isEmpty() ? "none" : defined.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> routes = new ArrayDeque<>();
        YamlDocs.get(config, "route").ifPresent(routes::push);
        List<ScalarNode> undefined = new ArrayList<>();
        while (!routes.isEmpty()) {
            Node route = routes.pop();
            if (!seen.add(route)) {
                continue;
            }
            Optional<Node> receiver = YamlDocs.get(route, "receiver").filter(n -> n instanceof ScalarNode);
            receiver.map(ScalarNode.class::cast).filter(r -> !r.getValue().isBlank() && !templated(r.getValue())
                    && !defined.contains(r.getValue())).ifPresent(undefined::add);
            List<Node> children = YamlNodes.items(YamlDocs.get(route, "routes").orElse(null));
            for (int i = children.size() - 1; i >= 0; i--) {
                routes.push(children.get(i));
            }
        }
        undefined.sort((a, b) -> Integer.compare(block.start(a).offset(), block.start(b).offset()));
        for (ScalarNode r : undefined) {
            context.report(block.range(r), UNDEFINED, r.getValue(), list);
        }
    }

    private static boolean templated(String value) {
        return value.contains("{{") || value.contains("${");
    }
}
