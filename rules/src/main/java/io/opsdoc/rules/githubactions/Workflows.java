package io.opsdoc.rules.githubactions;

import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.rule.DocumentContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Recognises GitHub Actions configuration in the YAML blocks of a document: whole workflow
 * files, bare {@code jobs} maps, composite actions and bare step lists (documents often show
 * only the steps of one job).
 */
final class Workflows {
    private Workflows() {
    }

    /** A step or job that names an action or reusable workflow in {@code uses:}. */
    record Uses(YamlDocument doc, ScalarNode value) {
    }

    /** A step whose {@code run:} is a scalar. */
    record Run(YamlDocument doc, ScalarNode value) {
    }

    /**
     * Every step mapping of the document: items of any {@code steps:} sequence (workflow jobs,
     * composite actions) and, for a bare list, top-level items that have {@code uses} or {@code run}.
     */
    static List<MappingNode> steps(Node root) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<MappingNode> steps = new ArrayList<>();
        for (Node item : YamlNodes.items(root)) {
            addStep(item, seen, steps);
        }
        YamlNodes.walk(root, node -> {
            if (node instanceof MappingNode map) {
                YamlNodes.get(map, "steps").ifPresent(seq -> YamlNodes.items(seq).forEach(i -> addStep(i, seen, steps)));
            }
        });
        return steps;
    }

    private static void addStep(Node item, Set<Node> seen, List<MappingNode> steps) {
        if (item instanceof MappingNode map && (YamlNodes.has(map, "uses") || YamlNodes.has(map, "run"))
                && seen.add(map)) {
            steps.add(map);
        }
    }

    /**
     * Job mappings: values of any {@code jobs:} mapping, or the values of a top-level mapping that
     * look like jobs ({@code runs-on}, {@code steps} or a job-level {@code uses}) when the snippet
     * shows only the jobs.
     */
    static List<MappingNode> jobs(Node root) {
        List<MappingNode> jobs = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        YamlNodes.walk(root, node -> {
            if (node instanceof MappingNode map) {
                YamlNodes.get(map, "jobs").ifPresent(jobsMap -> addJobs(jobsMap, seen, jobs));
            }
        });
        if (jobs.isEmpty() && !YamlNodes.has(root, "steps")) {
            for (NodeTuple tuple : YamlNodes.entries(root)) {
                Node value = tuple.getValueNode();
                if (value instanceof MappingNode job && (YamlNodes.has(job, "runs-on") || YamlNodes.has(job, "steps")
                        || looksLikeCalledWorkflow(job))) {
                    if (seen.add(job)) {
                        jobs.add(job);
                    }
                }
            }
        }
        return jobs;
    }

    private static boolean looksLikeCalledWorkflow(MappingNode job) {
        return YamlNodes.scalarAt(job, "uses").map(u -> u.contains(".github/workflows/")).orElse(false);
    }

    private static void addJobs(Node jobsMap, Set<Node> seen, List<MappingNode> jobs) {
        for (NodeTuple tuple : YamlNodes.entries(jobsMap)) {
            if (tuple.getValueNode() instanceof MappingNode job && seen.add(job)) {
                jobs.add(job);
            }
        }
    }

    /** Every scalar {@code uses:} of steps and jobs (reusable workflow calls), in document order. */
    static List<Uses> uses(DocumentContext context) {
        List<Uses> result = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            List<ScalarNode> values = new ArrayList<>();
            for (MappingNode job : jobs(doc.root())) {
                YamlNodes.get(job, "uses").filter(n -> n instanceof ScalarNode).map(ScalarNode.class::cast)
                        .filter(seen::add).ifPresent(values::add);
            }
            for (MappingNode step : steps(doc.root())) {
                YamlNodes.get(step, "uses").filter(n -> n instanceof ScalarNode).map(ScalarNode.class::cast)
                        .filter(seen::add).ifPresent(values::add);
            }
            values.sort((a, b) -> Integer.compare(doc.block().start(a).offset(), doc.block().start(b).offset()));
            values.forEach(v -> result.add(new Uses(doc, v)));
        }
        return result;
    }

    /** Every scalar {@code run:} of a step. */
    static List<Run> runs(DocumentContext context) {
        List<Run> result = new ArrayList<>();
        for (YamlDocument doc : YamlDocument.of(context.document())) {
            for (MappingNode step : steps(doc.root())) {
                YamlNodes.get(step, "run").filter(n -> n instanceof ScalarNode).map(ScalarNode.class::cast)
                        .ifPresent(v -> result.add(new Run(doc, v)));
            }
        }
        return result;
    }
}
