package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.markdown.Table;
import io.opsdoc.core.markdown.TableCell;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.source.Range;
import io.opsdoc.rules.criteria.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** Principle 5: environments differ only in size and scale. */
public final class DevProdParityRule implements SetRule {
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][\\w-]*)\\s*=\\s*(.+?)\\s*(?:#.*)?$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?:#|//)\\s*(.*)$");
    private static final Pattern NOISE = Pattern.compile(
            "\\([^)]*\\)|\\b[a-z0-9-]*\\.[a-z0-9.]*[a-z][a-z0-9.]*\\b|[×x]\\s*\\d+\\b|\\b\\d+(?:\\.\\d+)?\\s*"
                    + "(?:gb|gib|tb|tib|mb|mib|vcpus?|cpus?|cores?|nodes?|replicas?|pods?|instances?|x|az|azs)\\b"
                    + "|\\b(?:single|multi)[- ]az\\b|[`*_\"',;:]");

    static final Message DIFFER = Message.of("differ",
            "Environments differ in '{0}' between {1} and {2}, which is more than size or scale; use the "
                    + "same technology and version in every environment");
    static final Message DIFFER_VALUES = Message.of("differ-values",
            "Environments differ in '{0}' ({1}: {2}, {3}: {4}), which is more than size or scale; use the "
                    + "same technology and version in every environment");

    private static final String HELP = """
            Principle 5, "Dev/Prod Parity — environments should be as similar as possible": development, \
            staging and production may differ in size and scale (instance classes, replica counts, \
            retention, multi-AZ), but not in kind — another database engine or version, no queue, no TLS \
            in staging. Each such difference hides the bugs that then appear only in production.

            The rule reads the infrastructure document's *Environment Management* section: \
            per-environment variable blocks (HCL `*.tfvars` chunks introduced by a comment or separate \
            blocks, Pulumi stack `config:` blocks) and tables with one column or one row per environment. \
            A key or row whose values differ is reported unless its name speaks of size, scale, naming or \
            addressing (option `size-words`). Cell values are compared without parenthesised notes, \
            instance classes and counts.

            **How to fix**: use the same technology everywhere and vary only the size:

            ```hcl
            # staging.tfvars
            db_engine_version = "16.4"
            db_instance_class = "db.t4g.medium"
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        return RuleMeta.of("principles/dev-prod-parity", Level.NOTE, "Environments differ in more than size/scale",
                HELP, List.of("principles", "environments")).withOptions(Vocabulary.get()
                        .options("size-words", "Words of keys or row labels that may differ between environments")
                        .toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code")
                .withMessages(DIFFER, DIFFER_VALUES);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** One environment's settings: key to (value, where). */
    private record Chunk(String environment, Map<String, Object[]> values) {
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.IAC, "Environment Management").forEach(iac -> check(context, iac));
    }

    private void check(SetContext context, Focus iac) {
        MarkdownDocument doc = iac.document();
        Optional<Section> section = iac.section();
        List<String> sizeWords = Vocabulary.get().effective(context.options(), "size-words")
                .stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<Chunk> chunks = new ArrayList<>();
        for (CodeBlock block : Evidence.blocks(doc, section)) {
            if (Blocks.isHcl(block)) {
                hclChunks(block, chunks);
            } else if (Blocks.isYaml(block) && block.yaml().valid()) {
                yamlChunk(block, chunks);
            }
        }
        compareChunks(context, doc, chunks, sizeWords);
        List<Table> tables = section.map(doc::tablesIn).orElseGet(doc::tables);
        for (Table table : tables) {
            compareTable(context, doc, table, sizeWords);
        }
    }

    private static void hclChunks(CodeBlock block, List<Chunk> chunks) {
        Chunk current = null;
        int depth = 0;
        for (int i = 0; i < block.lineCount(); i++) {
            String line = block.lines().get(i);
            Matcher comment = COMMENT.matcher(line);
            if (depth == 0 && comment.matches()) {
                Optional<String> env = EnvironmentColumns.environmentOf(comment.group(1));
                if (env.isPresent()) {
                    current = new Chunk(env.get(), new LinkedHashMap<>());
                    chunks.add(current);
                }
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(line.strip());
            if (depth == 0 && m.matches()) {
                String key = m.group(1);
                String value = m.group(2);
                if (current == null) {
                    current = new Chunk("", new LinkedHashMap<>());
                    chunks.add(current);
                }
                if ((key.equals("environment") || key.equals("env")) && current.environment().isEmpty()) {
                    Optional<String> env = EnvironmentColumns.environmentOf(value);
                    if (env.isPresent()) {
                        Chunk named = new Chunk(env.get(), current.values());
                        chunks.set(chunks.size() - 1, named);
                        current = named;
                    }
                }
                current.values().put(key, new Object[] {value, block.lineRange(i)});
            }
            depth += count(line, '{') + count(line, '[') - count(line, '}') - count(line, ']');
            depth = Math.max(0, depth);
        }
    }

    private static void yamlChunk(CodeBlock block, List<Chunk> chunks) {
        for (Node root : block.yaml().documents()) {
            Optional<Node> config = YamlNodes.get(root, "config");
            if (config.isEmpty()) {
                continue;
            }
            String env = "";
            for (String line : block.lines()) {
                Matcher c = COMMENT.matcher(line);
                if (c.matches()) {
                    env = EnvironmentColumns.environmentOf(c.group(1)).orElse(env);
                }
            }
            Chunk chunk = new Chunk(env, new LinkedHashMap<>());
            for (NodeTuple t : YamlNodes.entries(config.get())) {
                String key = YamlNodes.scalar(t.getKeyNode()).orElse("");
                int colon = key.lastIndexOf(':');
                String shortKey = colon >= 0 ? key.substring(colon + 1) : key;
                YamlNodes.scalar(t.getValueNode()).ifPresent(v -> chunk.values().put(shortKey,
                        new Object[] {v, block.yaml().range(t.getKeyNode())}));
            }
            chunks.add(chunk);
        }
    }

    private static void compareChunks(SetContext context, MarkdownDocument doc, List<Chunk> chunks, List<String> sizeWords) {
        List<Chunk> named = chunks.stream().filter(c -> !c.environment().isEmpty()).toList();
        if (named.size() < 2) {
            return;
        }
        Chunk first = named.get(0);
        for (Chunk other : named.subList(1, named.size())) {
            if (other.environment().equals(first.environment())) {
                continue;
            }
            for (Map.Entry<String, Object[]> e : other.values().entrySet()) {
                Object[] base = first.values().get(e.getKey());
                if (base == null || EnvironmentColumns.sizeOnly(e.getKey(), sizeWords)) {
                    continue;
                }
                if (!normalise((String) base[0]).equals(normalise((String) e.getValue()[0]))) {
                    context.report(doc, (Range) e.getValue()[1], DIFFER_VALUES, e.getKey(), first.environment(),
                            ((String) base[0]).strip(), other.environment(), ((String) e.getValue()[0]).strip());
                }
            }
        }
    }

    private static void compareTable(SetContext context, MarkdownDocument doc, Table table, List<String> sizeWords) {
        String[] columns = EnvironmentColumns.columnEnvironments(table);
        if (EnvironmentColumns.distinct(columns) >= 2) {
            for (List<TableCell> row : table.rows()) {
                if (row.isEmpty() || EnvironmentColumns.sizeOnly(row.get(0).text(), sizeWords)) {
                    continue;
                }
                String firstEnv = null;
                String firstValue = null;
                for (int i = 1; i < Math.min(columns.length, row.size()); i++) {
                    if (columns[i] == null || comparable(row.get(i).text()).isEmpty()) {
                        continue;
                    }
                    String value = comparable(row.get(i).text()).get();
                    if (firstValue == null) {
                        firstEnv = columns[i];
                        firstValue = value;
                    } else if (!value.equals(firstValue)) {
                        report(context, doc, row.get(0), row.get(0).text(), firstEnv, columns[i]);
                        break;
                    }
                }
            }
            return;
        }
        String[] rows = EnvironmentColumns.rowEnvironments(table);
        if (EnvironmentColumns.distinct(rows) < 2) {
            return;
        }
        for (int col = 1; col < table.header().size(); col++) {
            String label = table.header().get(col).text();
            if (EnvironmentColumns.sizeOnly(label, sizeWords)) {
                continue;
            }
            String firstEnv = null;
            String firstValue = null;
            for (int r = 0; r < rows.length; r++) {
                List<TableCell> row = table.rows().get(r);
                if (rows[r] == null || col >= row.size() || comparable(row.get(col).text()).isEmpty()) {
                    continue;
                }
                String value = comparable(row.get(col).text()).get();
                if (firstValue == null) {
                    firstEnv = rows[r];
                    firstValue = value;
                } else if (!value.equals(firstValue)) {
                    report(context, doc, row.get(col), label, firstEnv, rows[r]);
                    break;
                }
            }
        }
    }

    private static void report(SetContext context, MarkdownDocument doc, TableCell cell, String label, String a, String b) {
        context.report(doc, cell.range(), DIFFER, label.strip(), a, b);
    }

    /** The value to compare, or empty for "same as production", "—", "n/a". */
    private static Optional<String> comparable(String cell) {
        String lower = cell.toLowerCase(Locale.ROOT);
        if (lower.contains("same") || lower.contains("as prod") || lower.contains("as staging")) {
            return Optional.empty();
        }
        String n = normalise(cell);
        return n.isEmpty() || n.equals("-") || n.equals("—") || n.equals("n/a") ? Optional.empty() : Optional.of(n);
    }

    private static String normalise(String value) {
        return NOISE.matcher(value.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
