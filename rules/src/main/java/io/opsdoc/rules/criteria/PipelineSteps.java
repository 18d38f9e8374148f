package io.opsdoc.rules.criteria;

import io.opsdoc.core.embedded.YamlBlock;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The jobs and steps a CI/CD plan shows in its code blocks: GitHub Actions workflows
 * ({@code jobs.<id>.steps[]} with {@code name}/{@code uses}/{@code run}, and bare step lists as
 * the role template writes them), GitLab CI jobs ({@code stage}, {@code script},
 * {@code environment}, {@code include} templates), Cloud Build {@code steps[]} and shell blocks.
 */
public final class PipelineSteps {
    private static final Set<String> GITLAB_JOB_KEYS = Set.of("script", "before_script", "after_script", "stage",
            "trigger", "extends", "image", "needs");
    private static final Set<String> GITLAB_RESERVED = Set.of("stages", "variables", "default", "include",
            "workflow", "image", "services", "cache", "before_script", "after_script");

    private PipelineSteps() {
    }

    /**
     * One step (or a whole GitLab job script, or a shell block).
     *
     * @param fromLine first content line of the block the step covers (0-based)
     * @param toLine line after the last one
     */
    public record Step(String job, String stage, String name, String uses, String run, String environment,
            CodeBlock block, int fromLine, int toLine, Range range) {
        /** Everything a reader would use to recognise what the step does. */
        public String text() {
            StringJoiner j = new StringJoiner("\n");
            for (String s : List.of(job, stage, name, uses, run, environment)) {
                if (!s.isEmpty()) {
                    j.add(s);
                }
            }
            return j.toString();
        }

        /** Job, stage, step name and environment: what says where the step runs. */
        public String context() {
            return String.join(" ", job, stage, name, environment);
        }
    }

    public static List<Step> of(MarkdownDocument doc) {
        List<Step> steps = new ArrayList<>();
        // YAML from the one list every family reads, taken in file order with the shell blocks.
        List<YamlDocument> yaml = YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED);
        int next = 0;
        for (CodeBlock block : doc.codeBlocks()) {
            if (Blocks.isShell(block)) {
                steps.add(new Step("", "", "", "", block.content(), "", block, 0, block.lineCount(),
                        block.firstLineRange()));
            }
            for (; next < yaml.size() && yaml.get(next).code() == block; next++) {
                collect(block, yaml.get(next).root(), steps);
            }
        }
        return steps;
    }

    /** All step texts joined: the searchable body of the pipeline. */
    public static String text(List<Step> steps) {
        StringJoiner j = new StringJoiner("\n");
        steps.forEach(s -> j.add(s.text()));
        return j.toString();
    }

    private static void collect(CodeBlock block, Node root, List<Step> steps) {
        YamlBlock yaml = block.yaml();
        Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Optional<Node> jobs = YamlNodes.get(root, "jobs");
        if (jobs.isPresent() && YamlNodes.isMap(jobs.get())) {
            for (NodeTuple job : YamlNodes.entries(jobs.get())) {
                String jobId = YamlNodes.scalar(job.getKeyNode()).orElse("");
                Node jobNode = job.getValueNode();
                String env = environment(jobNode);
                String jobName = YamlNodes.scalarAt(jobNode, "name").orElse("");
                String id = jobName.isEmpty() ? jobId : jobId + " " + jobName;
                for (Node step : YamlNodes.items(YamlNodes.get(jobNode, "steps").orElse(null))) {
                    steps.add(step(yaml, id, "", step, env));
                    done.add(step);
                }
                if (YamlNodes.has(jobNode, "uses")) {
                    steps.add(step(yaml, id, "", jobNode, env));
                    done.add(jobNode);
                }
            }
        } else if (YamlNodes.isMap(root)) {
            for (NodeTuple entry : YamlNodes.entries(root)) {
                String key = YamlNodes.scalar(entry.getKeyNode()).orElse("");
                Node value = entry.getValueNode();
                if (key.equals("steps") && !YamlNodes.isMap(value)) {
                    // A Cloud Build config: root steps[] run a builder image with args.
                    for (Node step : YamlNodes.items(value)) {
                        if (YamlNodes.has(step, "name") && (YamlNodes.has(step, "args") || YamlNodes.has(step, "entrypoint")
                                || YamlNodes.has(step, "script"))) {
                            steps.add(cloudBuildStep(yaml, step));
                            done.add(step);
                        }
                    }
                } else if (key.equals("include")) {
                    YamlNodes.walk(value, n -> {
                        if (n instanceof ScalarNode s) {
                            steps.add(new Step("", "", "", s.getValue(), "", "", block, line(n), line(n) + 1,
                                    yaml.range(n)));
                        }
                    });
                } else if (value instanceof MappingNode m && (YamlNodes.has(m, "steps") || YamlNodes.has(m, "runs-on"))) {
                    // A GitHub Actions job shown on its own, without the workflow around it.
                    String env = environment(m);
                    for (Node step : YamlNodes.items(YamlNodes.get(m, "steps").orElse(null))) {
                        steps.add(step(yaml, key, "", step, env));
                        done.add(step);
                    }
                } else if (!GITLAB_RESERVED.contains(key) && value instanceof MappingNode m
                        && YamlNodes.keys(m).stream().anyMatch(GITLAB_JOB_KEYS::contains)) {
                    String stage = YamlNodes.scalarAt(m, "stage").orElse("");
                    StringJoiner script = new StringJoiner("\n");
                    for (String k : List.of("before_script", "script", "after_script")) {
                        YamlNodes.get(m, k).ifPresent(n -> YamlNodes.walk(n,
                                x -> YamlNodes.scalar(x).ifPresent(script::add)));
                    }
                    String uses = YamlNodes.scalarAt(m, "image").orElse("")
                            + YamlNodes.scalarAt(m, "image", "name").orElse("");
                    steps.add(new Step(key, stage, "", uses.strip(), script.toString(), environment(m), block,
                            line(entry.getKeyNode()), endLine(m), yaml.range(entry.getKeyNode())));
                    done.add(m);
                }
            }
        }
        // Fragments: bare steps (lists of name/uses/run) and anything nested differently.
        for (MappingNode m : YamlNodes.mappings(root)) {
            if (!done.contains(m) && (YamlNodes.has(m, "run") || YamlNodes.has(m, "uses"))) {
                steps.add(step(yaml, "", "", m, ""));
            }
        }
    }

    private static Step step(YamlBlock yaml, String job, String stage, Node step, String jobEnv) {
        String name = YamlNodes.scalarAt(step, "name").orElse("");
        String uses = YamlNodes.scalarAt(step, "uses").orElse("");
        StringJoiner run = new StringJoiner("\n");
        YamlNodes.scalarAt(step, "run").ifPresent(run::add);
        // Inputs as "key: value" lines, so that e.g. "scan-type: fs" reads like the workflow.
        for (NodeTuple input : YamlNodes.entries(YamlNodes.get(step, "with").orElse(null))) {
            String key = YamlNodes.scalar(input.getKeyNode()).orElse("");
            YamlNodes.scalar(input.getValueNode()).ifPresent(v -> run.add(key + ": " + v));
        }
        String env = environment(step);
        return new Step(job, stage, name, uses, run.toString(), env.isEmpty() ? jobEnv : env, yaml.block(),
                line(step), endLine(step), yaml.range(step));
    }

    /**
     * A Cloud Build step: the builder image runs its entrypoint (the image's last path segment for
     * the {@code cloud-builders} images, e.g. {@code docker}) with {@code args}, so
     * {@code name: gcr.io/cloud-builders/docker, args: ["push", ...]} reads as {@code docker push ...}.
     */
    private static Step cloudBuildStep(YamlBlock yaml, Node step) {
        String image = YamlNodes.scalarAt(step, "name").orElse("");
        String builder = image.substring(image.lastIndexOf('/') + 1).replaceFirst("[:@].*$", "");
        String entrypoint = YamlNodes.scalarAt(step, "entrypoint").orElse(builder);
        StringJoiner command = new StringJoiner(" ");
        command.add(entrypoint);
        YamlNodes.items(YamlNodes.get(step, "args").orElse(null))
                .forEach(a -> YamlNodes.scalar(a).ifPresent(command::add));
        StringJoiner run = new StringJoiner("\n");
        run.add(command.toString());
        YamlNodes.scalarAt(step, "script").ifPresent(run::add);
        String id = YamlNodes.scalarAt(step, "id").orElse("");
        return new Step("", "", id, image, run.toString(), "", yaml.block(), line(step), endLine(step), yaml.range(step));
    }

    private static String environment(Node node) {
        Optional<Node> env = YamlNodes.get(node, "environment");
        if (env.isEmpty()) {
            return "";
        }
        return YamlNodes.scalar(env.get()).or(() -> YamlNodes.scalarAt(env.get(), "name")).orElse("");
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine()).orElse(0);
    }

    private static int endLine(Node node) {
        return node.getEndMark().map(m -> m.getColumn() == 0 ? m.getLine() : m.getLine() + 1).orElse(line(node) + 1);
    }
}
