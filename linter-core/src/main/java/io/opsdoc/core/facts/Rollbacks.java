package io.opsdoc.core.facts;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads rollback timing: the rollback time the plan states (a sentence, list item, table row or
 * {@code **Rollback Time**: < 5 minutes} line about rollback, revert or RTO that gives a duration)
 * and the limits of the automation ({@code progressDeadlineSeconds}, the sum of Argo Rollouts
 * canary pauses, {@code --timeout} of kubectl/helm commands, also in workflow {@code run:} scripts).
 */
public final class Rollbacks {
    private static final Pattern TIMEOUT = Pattern.compile("--timeout(?:=|\\s+)([0-9][0-9a-z.\u00b5]*)");
    private static final Pattern TOOL = Pattern.compile("(?<![\\w-])(kubectl|helm|helmfile|argo|kubectl-argo-rollouts)(?![\\w-])");

    private static final Pattern LABEL = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:roll[- ]?back\\s+(?:time|duration|window|sla|target)|time\\s+to\\s+roll[- ]?back)(?![\\p{L}])");

    private Rollbacks() {
    }

    /** Rollback times stated in {@code section} (sub-sections included), or in the whole document when empty. */
    static List<TimedFact> stated(MarkdownDocument doc, Optional<Section> section) {
        Vocabulary vocabulary = Vocabulary.get();
        Pattern words = vocabulary.words("rollback.words");
        Pattern excluded = Slos.suffixPattern(vocabulary.list("rollback.excluded-before"));
        List<TimedFact> result = new ArrayList<>();
        List<TextUnits.Unit> units = section.map(s -> TextUnits.of(doc, s)).orElseGet(() -> TextUnits.of(doc));
        for (TextUnits.Unit unit : units) {
            if (unit.kind() == TextUnits.Kind.HEADING) {
                continue;
            }
            for (MappedText sentence : unit.sentences()) {
                String text = sentence.text();
                if (!words.matcher(text).find()) {
                    continue;
                }
                for (Durations.Found d : Durations.find(text)) {
                    String before = text.substring(Math.max(0, d.start() - 30), d.start());
                    if (excluded.matcher(before).find()) {
                        continue;
                    }
                    result.add(new TimedFact(TimedFact.ROLLBACK_TIME, "rollback", d.seconds(), d.text().strip(),
                            text.strip(), Blocks.range(doc, sentence, d.start(), d.end())));
                    break;
                }
            }
        }
        return List.copyOf(result);
    }

    /**
     * Rollback times stated as such outside the rollback section: a labelled line or table row
     * ("**Rollback Time**: < 5 minutes", "| Time to roll back | 3 min |"), the duration after the label.
     */
    static List<TimedFact> labelled(MarkdownDocument doc, Optional<Section> skip) {
        List<TimedFact> result = new ArrayList<>();
        for (TextUnits.Unit unit : TextUnits.of(doc)) {
            if (unit.kind() == TextUnits.Kind.HEADING || skip.isPresent() && skip.get().contains(unit.start())) {
                continue;
            }
            for (MappedText sentence : unit.sentences()) {
                String text = sentence.text();
                Matcher label = LABEL.matcher(text);
                if (!label.find()) {
                    continue;
                }
                for (Durations.Found d : Durations.find(text)) {
                    if (d.start() >= label.end() && d.start() - label.end() <= 40) {
                        result.add(new TimedFact(TimedFact.ROLLBACK_TIME, label.group().strip(), d.seconds(),
                                d.text().strip(), text.strip(), Blocks.range(doc, sentence, d.start(), d.end())));
                        break;
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    /** The explicit time limits of the rollout automation in the document's YAML and shell blocks. */
    static List<TimedFact> limits(MarkdownDocument doc) {
        List<TimedFact> limits = new ArrayList<>();
        for (CodeBlock block : doc.codeBlocks()) {
            if (Blocks.isYaml(block)) {
                YamlBlock yaml = block.yaml();
                if (yaml.valid()) {
                    for (Node root : yaml.documents()) {
                        yamlLimits(doc, yaml, root, limits);
                    }
                }
            } else if (Blocks.isShell(block)) {
                for (int i = 0; i < block.lines().size(); i++) {
                    String line = block.lines().get(i);
                    final int line0 = i;
                    commandLimit(line).ifPresent(found -> limits.add(limit(found.seconds(), found.what(),
                            block.range(line0, found.column(), line0, found.column() + found.length()))));
                }
            }
        }
        return List.copyOf(limits);
    }

    private static TimedFact limit(double seconds, String what, Range range) {
        return new TimedFact(TimedFact.AUTOMATION_LIMIT, what, seconds, Durations.format(seconds), what, range);
    }

    /** A {@code --timeout} of a kubectl/helm command line. */
    record CommandLimit(double seconds, String what, int column, int length) {
    }

    static Optional<CommandLimit> commandLimit(String line) {
        String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        Matcher tool = TOOL.matcher(code);
        if (!tool.find()) {
            return Optional.empty();
        }
        Matcher m = TIMEOUT.matcher(code);
        if (!m.find() || m.start() < tool.start()) {
            return Optional.empty();
        }
        Optional<Double> seconds = Durations.parseGo(m.group(1));
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CommandLimit(seconds.get(), tool.group(1) + " " + m.group(), m.start(), m.end() - m.start()));
    }

    private static void yamlLimits(MarkdownDocument doc, YamlBlock yaml, Node root, List<TimedFact> limits) {
        YamlNodes.walk(root, node -> {
            if (!(node instanceof MappingNode map)) {
                return;
            }
            YamlNodes.get(map, "progressDeadlineSeconds").flatMap(YamlNodes::scalar).ifPresent(v -> {
                try {
                    double seconds = Double.parseDouble(v.strip());
                    Node value = YamlNodes.get(map, "progressDeadlineSeconds").orElseThrow();
                    limits.add(limit(seconds, "progressDeadlineSeconds: " + v.strip(), yaml.range(value)));
                } catch (NumberFormatException e) {
                    // a templated value ("{{ .Values.deadline }}") says nothing about the time
                }
            });
            Optional<Node> steps = YamlNodes.path(map, "strategy", "canary", "steps");
            if (steps.isPresent()) {
                double total = 0;
                for (Node step : YamlNodes.items(steps.get())) {
                    Optional<Node> duration = YamlNodes.path(step, "pause", "duration");
                    if (duration.isPresent() && duration.get() instanceof ScalarNode s) {
                        total += pauseSeconds(s.getValue()).orElse(0.0);
                    }
                }
                if (total > 0) {
                    limits.add(limit(total, "canary pause steps totalling " + Durations.format(total), yaml.range(steps.get())));
                }
            }
            runScripts(doc, yaml, map, limits);
        });
    }

    /** Argo Rollouts pause durations: a Go duration or plain seconds. */
    public static Optional<Double> pauseSeconds(String value) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Optional.of(Double.parseDouble(v));
        }
        return Durations.parseGo(v);
    }

    /** Workflow {@code run:} / {@code script:} scalars hold shell lines. */
    private static void runScripts(MarkdownDocument doc, YamlBlock yaml, MappingNode map, List<TimedFact> limits) {
        for (String key : List.of("run", "script", "command", "args")) {
            Optional<Node> value = YamlNodes.get(map, key);
            if (value.isEmpty()) {
                continue;
            }
            List<Node> scalars = new ArrayList<>();
            if (value.get() instanceof ScalarNode) {
                scalars.add(value.get());
            } else {
                scalars.addAll(YamlNodes.items(value.get()));
            }
            for (Node n : scalars) {
                if (n instanceof ScalarNode s) {
                    for (String line : s.getValue().split("\n")) {
                        commandLimit(line).ifPresent(found -> limits.add(limit(found.seconds(), found.what(),
                                lineRange(doc, yaml, s, line))));
                    }
                }
            }
        }
    }

    /** The file line holding {@code line} of a block scalar, found from the scalar's start. */
    private static Range lineRange(MarkdownDocument doc, YamlBlock yaml, ScalarNode scalar, String line) {
        Range start = yaml.range(scalar);
        int from = start.start().offset();
        int at = doc.text().indexOf(line.strip(), from);
        if (at < 0 || at > yaml.block().range().end().offset()) {
            return start;
        }
        return doc.source().range(at, at + line.strip().length());
    }
}
