package io.opsdoc.core.facts;

import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.embedded.HclBlock;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.hcl.HclAttribute;
import io.opsdoc.core.hcl.HclBody;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Health-check endpoints stated in a document: Kubernetes probes, ingress/load-balancer health
 * checks, Compose and Dockerfile healthchecks, health URLs in commands, and the monitoring
 * document's health-check section.
 */
public final class HealthEndpoints {
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://([^/\\s\"'`<>)]+)(/[^\\s\"'`<>)|]*)?");
    private static final Pattern GET = Pattern.compile("(?<![\\p{L}])(?:GET|HEAD)\\s+`?(/[^\\s`\"'<>)|]*)");
    private static final Pattern CODE_PATH = Pattern.compile("`(/[A-Za-z0-9_.~/-]*)`");
    private static final Pattern PORT = Pattern.compile("(?i)(?<![\\p{L}])port\\b[^0-9\\n|]{0,12}?(\\d{2,5})(?!\\d)");
    private static final Set<String> PROBES = Set.of("livenessProbe", "readinessProbe", "startupProbe");

    private HealthEndpoints() {
    }

    /**
     * A health endpoint statement.
     *
     * @param path normalised path
     * @param port numeric port, when stated
     * @param service the service it belongs to when the statement says so (a probe's container, a URL's host)
     * @param context the text around it (sentence, command line, container image), where a service may be named
     */
    public record Endpoint(MarkdownDocument doc, String source, String path, OptionalInt port, Range pathRange,
            Range portRange, String service, boolean monitoringTool, String context) {
        Endpoint(MarkdownDocument doc, String source, String path, OptionalInt port, Range pathRange, Range portRange) {
            this(doc, source, path, port, pathRange, portRange, "", isToolEndpoint(path, ""), "");
        }

        Endpoint withService(String name, String context) {
            return new Endpoint(doc, source, path, port, pathRange, portRange, name,
                    monitoringTool || isToolEndpoint(path, name + " " + context), context);
        }

        /** The same statement attributed to {@code name} (a service its context names, or the only one it agrees with). */
        public Endpoint ofService(String name) {
            return new Endpoint(doc, source, path, port, pathRange, portRange, name, monitoringTool, context);
        }

        /**
         * True when the context names {@code name} as words: {@code ledger-api} is named by "the ledger
         * API", {@code reconciler} by "the reconciler".
         */
        public boolean mentions(String name) {
            String words = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
            if (words.isEmpty()) {
                return false;
            }
            String text = " " + context.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
            return text.contains(" " + words + " ");
        }
    }

    /**
     * True for the endpoints of the monitoring tools themselves (Prometheus {@code /-/healthy},
     * Grafana {@code /api/health} next to a Grafana host or port) and of the proxies in front of the
     * application (Traefik's {@code /ping}): they say nothing about the application's health endpoint.
     */
    static boolean isToolEndpoint(String path, String context) {
        Vocabulary vocabulary = Vocabulary.get();
        if (vocabulary.list("health.tool-paths").contains(path)) {
            return true;
        }
        if (vocabulary.list("health.proxy-paths").contains(path) && vocabulary.words("health.proxy-names").matcher(context).find()) {
            return true;
        }
        return vocabulary.words("health.tool-names").matcher(context).find();
    }

    public static List<Endpoint> of(MarkdownDocument doc, Optional<Section> healthSection) {
        List<Endpoint> result = new ArrayList<>();
        // YAML from the one list every family reads, taken in file order with the other blocks.
        List<YamlDocument> yamlDocuments = YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED);
        int next = 0;
        for (CodeBlock block : doc.codeBlocks()) {
            if (Blocks.isYaml(block)) {
                for (; next < yamlDocuments.size() && yamlDocuments.get(next).code() == block; next++) {
                    yaml(doc, block.yaml(), yamlDocuments.get(next).root(), result);
                }
            } else if (Blocks.isShell(block)) {
                for (int i = 0; i < block.lines().size(); i++) {
                    commandLine(doc, block, i, result);
                }
            } else if (block.isLanguage("hcl", "terraform", "tf") && block.hcl().valid()) {
                hcl(doc, block.hcl(), block.hcl().body(), block.hcl().body(), "", result);
            } else if (block.isLanguage("http", "text", "") && healthSection.isPresent()
                    && healthSection.get().containsInContent(block.range().start().offset())) {
                for (int i = 0; i < block.lines().size(); i++) {
                    Matcher m = GET.matcher(block.lines().get(i));
                    if (m.find() && isHealthPath(m.group(1))) {
                        Range r = block.range(i, m.start(1), i, m.end(1));
                        result.add(new Endpoint(doc, "health-check section", normalise(m.group(1)), OptionalInt.empty(), r, r));
                    }
                }
            }
        }
        healthSection.ifPresent(section -> prose(doc, section, result));
        return result;
    }

    private static void yaml(MarkdownDocument doc, YamlBlock yaml, Node root, List<Endpoint> out) {
        YamlNodes.walkEntries(root, (map, key, value) -> {
            if (PROBES.contains(key)) {
                probe(doc, yaml, map, key, value, out);
            } else if (key.equals("annotations")) {
                annotations(doc, yaml, value, out);
            } else if (key.equals("healthcheck") || key.equals("healthCheck")) {
                if (YamlNodes.get(value, "test").isPresent()) {
                    // The Compose service's image says whose check it is (traefik:v3 checks Traefik's /ping).
                    String image = YamlNodes.get(map, "image").flatMap(YamlNodes::scalar).orElse("");
                    scalars(YamlNodes.get(value, "test").get())
                            .forEach(s -> urls(doc, yaml, s, "Compose healthcheck", image, out));
                }
                Optional<Node> path = YamlNodes.get(value, "requestPath").or(() -> YamlNodes.get(value, "path"));
                if (path.isPresent() && path.get() instanceof ScalarNode p && p.getValue().startsWith("/")) {
                    Optional<Node> port = YamlNodes.get(value, "port");
                    out.add(endpoint(doc, yaml, "load-balancer health check", p, port.orElse(null)));
                }
            } else if (key.equals("run") || key.equals("script") || key.equals("command")) {
                scalars(value).forEach(s -> urls(doc, yaml, s, "command", "", out));
            }
        });
    }

    /**
     * Load-balancer health checks ({@code health_check}/{@code http_health_check} blocks with a path
     * and port) and Nomad/Consul service checks ({@code service { check { type = "http" path = ... } }}).
     */
    private static void hcl(MarkdownDocument doc, HclBlock hcl, HclBody root, HclBody body, String context,
            List<Endpoint> out) {
        for (io.opsdoc.core.hcl.HclBlock block : body.blocks()) {
            // The enclosing resource's labels and name say whose check it is (google_compute_health_check "traefik").
            String where = context.isEmpty()
                    ? block.labels().stream().map(io.opsdoc.core.hcl.HclLabel::value).collect(java.util.stream.Collectors.joining(" "))
                            + " " + block.body().attribute("name")
                            .flatMap(a -> a.value().literalString()).orElse("")
                    : context;
            if (block.type().equals("service")) {
                for (io.opsdoc.core.hcl.HclBlock check : block.body().blocks("check")) {
                    serviceCheck(doc, hcl, root, block.body(), check.body(), out);
                }
            }
            if (block.type().equals("health_check") || block.type().equals("http_health_check")
                    || block.type().equals("https_health_check")) {
                Optional<HclAttribute> path = block.body().attribute("path").or(() -> block.body().attribute("request_path"));
                Optional<String> value = path.flatMap(a -> a.value().literalString());
                if (value.isPresent() && value.get().startsWith("/")) {
                    Optional<HclAttribute> port = block.body().attribute("port");
                    OptionalInt number = port.flatMap(a -> a.value().literalString()
                            .or(() -> a.value().literalNumber().map(n -> n.toPlainString())))
                            .map(HealthEndpoints::parsePort).orElse(OptionalInt.empty());
                    Range pathRange = hcl.range(path.get().value().range());
                    Range portRange = port.map(a -> hcl.range(a.value().range())).orElse(pathRange);
                    out.add(new Endpoint(doc, "Terraform " + block.type(), normalise(value.get()), number, pathRange,
                            portRange).withService("", where));
                }
            }
            hcl(doc, hcl, root, block.body(), where, out);
        }
    }

    private static void serviceCheck(MarkdownDocument doc, HclBlock hcl, HclBody root, HclBody service, HclBody check,
            List<Endpoint> out) {
        String type = check.attribute("type").flatMap(a -> a.value().literalString()).orElse("");
        Optional<HclAttribute> path = check.attribute("path");
        Optional<String> value = path.flatMap(a -> a.value().literalString());
        if (!type.startsWith("http") || value.isEmpty() || !value.get().startsWith("/")) {
            return;
        }
        Optional<HclAttribute> port = check.attribute("port").or(() -> service.attribute("port"));
        Optional<String> written = port.flatMap(a -> a.value().literalString()
                .or(() -> a.value().literalNumber().map(n -> n.toPlainString())));
        OptionalInt number = written.map(HealthEndpoints::parsePort).orElse(OptionalInt.empty());
        if (number.isEmpty() && written.isPresent()) {
            number = nomadPort(root, written.get());
        }
        Range pathRange = hcl.range(path.get().value().range());
        Range portRange = port.filter(a -> written.map(HealthEndpoints::parsePort).filter(OptionalInt::isPresent).isPresent())
                .map(a -> hcl.range(a.value().range())).orElse(pathRange);
        String name = service.attribute("name").flatMap(a -> a.value().literalString()).orElse("");
        out.add(new Endpoint(doc, "Nomad service check", normalise(value.get()), number, pathRange, portRange)
                .withService(name, ""));
    }

    /** The number of a Nomad port label: {@code network { port "http" { to = 4000 } }} ({@code static} else). */
    private static OptionalInt nomadPort(HclBody body, String label) {
        for (io.opsdoc.core.hcl.HclBlock block : body.blocks()) {
            if (block.type().equals("port") && label.equals(block.label(0))) {
                for (String key : List.of("to", "static")) {
                    Optional<String> n = block.body().attribute(key).flatMap(a -> a.value().literalNumber()
                            .map(x -> x.toPlainString()).or(() -> a.value().literalString()));
                    if (n.isPresent() && parsePort(n.get()).isPresent()) {
                        return parsePort(n.get());
                    }
                }
            }
            OptionalInt inner = nomadPort(block.body(), label);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return OptionalInt.empty();
    }

    private static List<ScalarNode> scalars(Node node) {
        List<ScalarNode> result = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            result.add(s);
        }
        for (Node item : YamlNodes.items(node)) {
            if (item instanceof ScalarNode s) {
                result.add(s);
            }
        }
        return result;
    }

    private static void probe(MarkdownDocument doc, YamlBlock yaml, MappingNode container, String kind, Node probe,
            List<Endpoint> out) {
        Optional<Node> httpGet = YamlNodes.get(probe, "httpGet");
        if (httpGet.isEmpty()) {
            return;
        }
        Optional<Node> path = YamlNodes.get(httpGet.get(), "path");
        if (path.isEmpty() || !(path.get() instanceof ScalarNode p)) {
            return;
        }
        Node port = YamlNodes.get(httpGet.get(), "port").orElse(null);
        OptionalInt number = OptionalInt.empty();
        if (port instanceof ScalarNode s) {
            number = parsePort(s.getValue());
            if (number.isEmpty()) {
                // A named port: resolve through the container's ports[].name.
                for (Node item : YamlNodes.items(YamlNodes.get(container, "ports").orElse(null))) {
                    if (YamlNodes.get(item, "name").flatMap(YamlNodes::scalar).filter(s.getValue()::equals).isPresent()) {
                        number = YamlNodes.get(item, "containerPort").flatMap(YamlNodes::scalar)
                                .map(HealthEndpoints::parsePort).orElse(OptionalInt.empty());
                    }
                }
            }
        }
        Range pathRange = yaml.range(p);
        String name = YamlNodes.get(container, "name").flatMap(YamlNodes::scalar).orElse("");
        String image = YamlNodes.get(container, "image").flatMap(YamlNodes::scalar).orElse("");
        out.add(new Endpoint(doc, "Kubernetes " + kind, normalise(p.getValue()), number, pathRange,
                port == null ? pathRange : yaml.range(port)).withService(name, image));
    }

    private static void annotations(MarkdownDocument doc, YamlBlock yaml, Node annotations, List<Endpoint> out) {
        ScalarNode path = null;
        Node port = null;
        for (NodeTuple t : YamlNodes.entries(annotations)) {
            String key = YamlNodes.scalar(t.getKeyNode()).orElse("").toLowerCase(Locale.ROOT);
            if ((key.endsWith("healthcheck-path") || key.endsWith("health-check-path")) && t.getValueNode() instanceof ScalarNode s) {
                path = s;
            } else if (key.endsWith("healthcheck-port") || key.endsWith("health-check-port")) {
                port = t.getValueNode();
            }
        }
        if (path != null && path.getValue().startsWith("/")) {
            out.add(endpoint(doc, yaml, "ingress health check", path, port));
        }
    }

    private static Endpoint endpoint(MarkdownDocument doc, YamlBlock yaml, String source, ScalarNode path, Node port) {
        OptionalInt number = port instanceof ScalarNode s ? parsePort(s.getValue()) : OptionalInt.empty();
        Range pathRange = yaml.range(path);
        return new Endpoint(doc, source, normalise(path.getValue()), number, pathRange,
                port == null ? pathRange : yaml.range(port));
    }

    /** Health URLs inside a YAML scalar (Compose test, workflow run script). */
    private static void urls(MarkdownDocument doc, YamlBlock yaml, ScalarNode scalar, String source, String context,
            List<Endpoint> out) {
        Matcher m = URL.matcher(scalar.getValue());
        Range scalarRange = yaml.range(scalar);
        while (m.find()) {
            String path = m.group(2) == null ? "/" : m.group(2);
            if (!isHealthPath(path)) {
                continue;
            }
            Range range = scalarRange;
            int at = doc.text().indexOf(m.group(), scalarRange.start().offset());
            if (at >= 0 && at < yaml.block().range().end().offset()) {
                range = doc.source().range(at, at + m.group().length());
            }
            out.add(new Endpoint(doc, source, normalise(path), portOf(m.group(1)), range, range)
                    .withService(host(m.group(1)), m.group(1) + " " + scalar.getValue() + " " + context));
        }
    }

    private static void commandLine(MarkdownDocument doc, CodeBlock block, int line0, List<Endpoint> out) {
        String line = block.lines().get(line0);
        Matcher m = URL.matcher(line);
        while (m.find()) {
            String path = m.group(2) == null ? "/" : m.group(2);
            if (isHealthPath(path)) {
                Range r = block.range(line0, m.start(), line0, m.end());
                String source = line.toUpperCase(Locale.ROOT).contains("HEALTHCHECK") ? "Dockerfile HEALTHCHECK" : "command";
                out.add(new Endpoint(doc, source, normalise(path), portOf(m.group(1)), r, r)
                        .withService(host(m.group(1)), line));
            }
        }
    }

    private static void prose(MarkdownDocument doc, Section section, List<Endpoint> out) {
        for (TextUnits.Unit unit : TextUnits.of(doc, section)) {
            for (MappedText sentence : unit.sentences()) {
                String text = sentence.text();
                List<int[]> spans = new ArrayList<>();
                List<String> paths = new ArrayList<>();
                List<OptionalInt> urlPorts = new ArrayList<>();
                List<String> hosts = new ArrayList<>();
                Matcher u = URL.matcher(text);
                while (u.find()) {
                    String path = u.group(2) == null ? "/" : u.group(2);
                    if (isHealthPath(path)) {
                        spans.add(new int[] {u.start(2), u.end(2)});
                        paths.add(path);
                        urlPorts.add(portOf(u.group(1)));
                        hosts.add(host(u.group(1)));
                    }
                }
                for (Pattern p : List.of(GET, CODE_PATH)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (isHealthPath(m.group(1)) && !overlaps(spans, m.start(1), m.end(1))) {
                            spans.add(new int[] {m.start(1), m.end(1)});
                            paths.add(m.group(1));
                            urlPorts.add(OptionalInt.empty());
                            hosts.add("");
                        }
                    }
                }
                if (paths.isEmpty()) {
                    continue;
                }
                Matcher port = PORT.matcher(text);
                OptionalInt statedPort = OptionalInt.empty();
                int[] portSpan = null;
                if (port.find()) {
                    statedPort = parsePort(port.group(1));
                    portSpan = new int[] {port.start(1), port.end(1)};
                    if (port.find()) {
                        statedPort = OptionalInt.empty();
                    }
                }
                // "GET /health on port 9090 ..., and /livez for liveness": the port belongs to the path
                // written closest before it (else the first one after it), not to every path of the sentence.
                int owner = -1;
                if (portSpan != null) {
                    for (int i = 0; i < spans.size(); i++) {
                        if (spans.get(i)[1] <= portSpan[0] && (owner < 0 || spans.get(i)[0] > spans.get(owner)[0])) {
                            owner = i;
                        }
                    }
                    if (owner < 0) {
                        for (int i = 0; i < spans.size(); i++) {
                            if (owner < 0 || spans.get(i)[0] < spans.get(owner)[0]) {
                                owner = i;
                            }
                        }
                    }
                }
                for (int i = 0; i < paths.size(); i++) {
                    Range pathRange = Blocks.range(doc, sentence, spans.get(i)[0], spans.get(i)[1]);
                    OptionalInt p = urlPorts.get(i).isPresent() ? urlPorts.get(i) : i == owner ? statedPort : OptionalInt.empty();
                    Range portRange = urlPorts.get(i).isPresent() || portSpan == null ? pathRange
                            : Blocks.range(doc, sentence, portSpan[0], portSpan[1]);
                    out.add(new Endpoint(doc, "health-check section", normalise(paths.get(i)), p, pathRange, portRange)
                            .withService(hosts.get(i), text));
                }
            }
        }
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    /** A path that names a health endpoint by its last segment; {@code /metrics} never does. */
    public static boolean isHealthPath(String path) {
        String p = normalise(path);
        if (p.equals("/metrics") || p.endsWith("/metrics")) {
            return false;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        return Vocabulary.get().list("health.segments").contains(last) || last.contains("health");
    }

    public static String normalise(String path) {
        String p = path.strip();
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        int h = p.indexOf('#');
        if (h >= 0) {
            p = p.substring(0, h);
        }
        while (p.length() > 1 && (p.endsWith("/") || p.endsWith(".") || p.endsWith(","))) {
            p = p.substring(0, p.length() - 1);
        }
        return p.toLowerCase(Locale.ROOT);
    }

    public static OptionalInt parsePort(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,5}")) {
            int n = Integer.parseInt(v);
            if (n > 0 && n < 65536) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt portOf(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            return OptionalInt.empty();
        }
        return parsePort(authority.substring(colon + 1));
    }

    /**
     * The service a URL's host names: a single-label host such as a Compose service ({@code api},
     * {@code worker}); localhost and domain names say nothing about which service it is.
     */
    private static String host(String authority) {
        String a = authority.substring(authority.indexOf('@') + 1);
        int colon = a.lastIndexOf(':');
        String host = (colon < 0 || a.endsWith("]") ? a : a.substring(0, colon)).toLowerCase(Locale.ROOT);
        return host.contains(".") || host.startsWith("[") || host.equals("localhost") ? "" : host;
    }
}
