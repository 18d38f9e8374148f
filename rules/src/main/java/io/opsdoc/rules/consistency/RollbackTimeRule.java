package io.opsdoc.rules.consistency;

import io.opsdoc.core.facts.Durations;
import io.opsdoc.core.facts.MappedText;
import io.opsdoc.core.facts.TextUnits;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A stated rollback time that the documented rollout automation cannot meet. */
final class RollbackTimeRule implements SetRule {
    static final String ID = "consistency/rollback-time";

    private static final Pattern TIMEOUT = Pattern.compile("--timeout(?:=|\\s+)([0-9][0-9a-z.\u00b5]*)");
    private static final Pattern TOOL = Pattern.compile("(?<![\\w-])(kubectl|helm|helmfile|argo|kubectl-argo-rollouts)(?![\\w-])");

    private static final String HELP = """
            A rollback promise ("rollback completes within 5 minutes", "RTO for rollback: 2 min") has
            to fit the automation that performs it. Kubernetes only declares a rollout failed after
            `progressDeadlineSeconds`; `kubectl rollout status --timeout=15m` and `helm upgrade --wait
            --timeout 10m` keep the pipeline waiting that long before the rollback step even starts;
            an Argo Rollouts canary pauses for the sum of its `pause` steps. A stated rollback time
            shorter than that is a promise the tooling cannot keep.

            The rule reads the stated time from the *Rollback Procedures* section of the deployment
            document: a sentence, list item or table row about rollback, revert or RTO that gives a
            duration ("within 5 minutes", "RTO: 2 min", "< 3 minutes"). Durations after *after*,
            *for*, *every* or *longer than* are trigger conditions ("error rate above 5% for 2
            minutes") and are not read as the rollback time. The automation is read from the YAML and
            shell blocks of the deployment and CI/CD documents: `progressDeadlineSeconds` of
            Deployments and Argo Rollouts, the sum of `pause: {duration: ...}` steps of a Rollout's
            canary, and `--timeout` of `kubectl` and `helm` commands (also inside workflow `run:`
            scripts). Only explicit values count: the Kubernetes default of 600 seconds is not assumed
            when a manifest omits the field, because a document's snippet is rarely the whole manifest.

            **How to fix**: state a rollback time the automation can meet, or shorten the deadlines:

            ```yaml
            spec:
              progressDeadlineSeconds: 180   # rollback starts at most 3 minutes after a stuck rollout
            ```

            ```markdown
            Automatic rollback completes within 5 minutes (3 minute progress deadline + 2 minutes to
            roll back and become ready).
            ```
            """;

    private static final RuleMeta META = RuleMeta.of(ID, Level.WARNING,
            "Stated rollback time is shorter than the automated rollback can take", HELP,
            List.of("consistency", "deployment"));

    @Override
    public RuleMeta meta() {
        return META;
    }

    /** A time limit of the automation. */
    record Limit(double seconds, String what, MarkdownDocument doc, Range range) {
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> deployment = context.set().document(SetDocs.DEPLOYMENT);
        if (deployment.isEmpty()) {
            return;
        }
        Optional<Section> section = SetDocs.section(deployment.get(), "Rollback Procedures");
        if (section.isEmpty()) {
            return;
        }
        List<Limit> limits = new ArrayList<>();
        for (TypedDocument typed : SetDocs.all(context, SetDocs.DEPLOYMENT, SetDocs.CICD)) {
            limits.addAll(limits(typed.document()));
        }
        if (limits.isEmpty()) {
            return;
        }
        Limit longest = limits.get(0);
        for (Limit l : limits) {
            if (l.seconds() > longest.seconds()) {
                longest = l;
            }
        }
        MarkdownDocument doc = deployment.get().document();
        Vocabulary vocabulary = Vocabulary.get();
        Pattern words = vocabulary.words("rollback.words");
        Pattern excluded = ErrorBudgetRule.suffixPattern(vocabulary.list("rollback.excluded-before"));
        for (TextUnits.Unit unit : TextUnits.of(doc, section.get())) {
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
                    if (d.seconds() + 1e-6 < longest.seconds()) {
                        Range range = SetDocs.range(doc, sentence, d.start(), d.end());
                        String message = "Rollback is stated to take " + d.text().strip() + " but the documented automation"
                                + " can take " + Durations.format(longest.seconds()) + " (" + longest.what()
                                + "); state a rollback time of at least " + Durations.format(longest.seconds())
                                + " or shorten the deadline";
                        List<Location> related = new ArrayList<>();
                        related.add(SetDocs.location(longest.doc(), longest.range(), longest.what()));
                        context.report(doc, Report.of(range, message).withRelated(related));
                    }
                    break;
                }
            }
        }
    }

    static List<Limit> limits(MarkdownDocument doc) {
        List<Limit> limits = new ArrayList<>();
        for (CodeBlock block : doc.codeBlocks()) {
            if (SetDocs.isYaml(block)) {
                YamlBlock yaml = block.yaml();
                if (yaml.valid()) {
                    for (Node root : yaml.documents()) {
                        yamlLimits(doc, yaml, root, limits);
                    }
                }
            } else if (SetDocs.isShell(block)) {
                for (int i = 0; i < block.lines().size(); i++) {
                    String line = block.lines().get(i);
                    final int line0 = i;
                    commandLimit(line).ifPresent(found -> limits.add(new Limit(found.seconds(), found.what(), doc,
                            block.range(line0, found.column(), line0, found.column() + found.length()))));
                }
            }
        }
        return limits;
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

    private static void yamlLimits(MarkdownDocument doc, YamlBlock yaml, Node root, List<Limit> limits) {
        YamlNodes.walk(root, node -> {
            if (!(node instanceof MappingNode map)) {
                return;
            }
            YamlNodes.get(map, "progressDeadlineSeconds").flatMap(YamlNodes::scalar).ifPresent(v -> {
                try {
                    double seconds = Double.parseDouble(v.strip());
                    Node value = YamlNodes.get(map, "progressDeadlineSeconds").orElseThrow();
                    limits.add(new Limit(seconds, "progressDeadlineSeconds: " + v.strip(), doc, yaml.range(value)));
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
                        Optional<Double> seconds = pauseSeconds(s.getValue());
                        if (seconds.isPresent()) {
                            total += seconds.get();
                        }
                    }
                }
                if (total > 0) {
                    limits.add(new Limit(total, "canary pause steps totalling " + Durations.format(total), doc,
                            yaml.range(steps.get())));
                }
            }
            runScripts(doc, yaml, map, limits);
        });
    }

    /** Argo Rollouts pause durations: a Go duration or plain seconds. */
    static Optional<Double> pauseSeconds(String value) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Optional.of(Double.parseDouble(v));
        }
        return Durations.parseGo(v);
    }

    /** Workflow {@code run:} / {@code script:} scalars hold shell lines. */
    private static void runScripts(MarkdownDocument doc, YamlBlock yaml, MappingNode map, List<Limit> limits) {
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
                        commandLimit(line).ifPresent(found -> limits.add(new Limit(found.seconds(), found.what(), doc,
                                lineRange(doc, yaml, s, line))));
                    }
                }
            }
        }
    }

    /** The file line holding {@code line} of a block scalar, found from the scalar's start. */
    private static Range lineRange(MarkdownDocument doc, YamlBlock yaml, ScalarNode scalar, String line) {
        Range start = yaml.range(scalar);
        String text = doc.text();
        int from = start.start().offset();
        int at = text.indexOf(line.strip(), from);
        if (at < 0) {
            return start;
        }
        return doc.source().range(at, at + line.strip().length());
    }
}
