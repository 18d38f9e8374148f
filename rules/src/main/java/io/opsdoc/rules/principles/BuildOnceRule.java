package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.rules.criteria.PipelineSteps;
import io.opsdoc.core.facts.Vocabulary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Principle 6: build once, deploy the same immutable artifact everywhere. */
public final class BuildOnceRule implements SetRule {
    static final OptionSpec<List<String>> MUTABLE_TAGS = OptionSpec.stringList("mutable-tags",
            List.of("latest", "stable", "edge", "nightly", "main", "master"),
            "Image tags that move and so cannot identify a deployed build");
    static final Message REBUILT = Message.of("rebuilt",
            "The image is built again for {0} (it is also built for {1}); build it once, push it with an "
                    + "immutable tag and promote that same artifact to every environment");
    static final Message MUTABLE_TAG = Message.of("mutable-tag",
            "Deployed by the mutable tag '{0}', which does not identify the build that was tested; deploy "
                    + "the immutable tag (commit SHA, version) or digest pushed by the build");

    private static final String HELP = """
            Principle 6, "Publishable Artifacts — build once, deploy many times": the artifact that \
            passed the tests in staging is the one that reaches production. Rebuilding per environment \
            (a `docker build` in the staging job and another in the production job) deploys something \
            that was never tested; deploying by a mutable tag (`:latest`) makes it impossible to say, or \
            roll back to, what runs.

            The rule reads the CI/CD document's jobs and steps: image builds (`docker build`, \
            `build-push-action`, kaniko...; option `image-builds`) in jobs or steps that name two \
            different environments are reported at the second build; deploy commands (`kubectl set \
            image`, `helm upgrade`, ...; option `deploy-commands`) in the CI/CD and deployment \
            documents that reference a mutable tag (option `mutable-tags`, default latest, stable, edge, \
            nightly, main, master) are reported at the tag. Pushing an extra `latest` tag is fine.

            **How to fix**: build in one job, then promote the same digest:

            ```yaml
            - name: Deploy to production
              run: kubectl set image deployment/shop shop=ghcr.io/acme/shop@${{ needs.build.outputs.digest }}
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("image-builds", "Commands that build an image or artifact"));
        options.addAll(Vocabulary.get().options("deploy-commands", "Commands that deploy an image"));
        options.add(MUTABLE_TAGS);
        return RuleMeta.of("principles/build-once", Level.WARNING,
                "Artifacts rebuilt per environment or deployed only by a mutable tag such as `latest`", HELP,
                List.of("principles", "cicd", "artifacts")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline", "deployment-strategy")
                .withMessages(REBUILT, MUTABLE_TAG);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> cicd = context.set().document(DocumentFacts.CICD);
        Optional<TypedDocument> deploy = context.set().document(DocumentFacts.DEPLOYMENT);
        List<String> builds = Vocabulary.get().effective(context.options(), "image-builds");
        List<String> deploys = Vocabulary.get().effective(context.options(), "deploy-commands");
        Pattern mutable = mutableTag(context.options().get(MUTABLE_TAGS));
        if (cicd.isPresent()) {
            MarkdownDocument doc = cicd.get().document();
            List<PipelineSteps.Step> steps = PipelineSteps.of(doc);
            Map<String, PipelineSteps.Step> buildByEnv = new LinkedHashMap<>();
            for (PipelineSteps.Step step : steps) {
                if (!Vocabulary.contains(step.run() + "\n" + step.uses(), builds)) {
                    continue;
                }
                Optional<String> env = EnvironmentColumns.environmentOf(step.context());
                if (env.isPresent() && !buildByEnv.containsKey(env.get())) {
                    if (!buildByEnv.isEmpty()) {
                        String previous = buildByEnv.keySet().iterator().next();
                        context.report(doc, step.range(), REBUILT, env.get(), previous);
                    }
                    buildByEnv.put(env.get(), step);
                }
            }
            mutableDeploys(context, doc, deploys, mutable);
        }
        deploy.ifPresent(d -> mutableDeploys(context, d.document(), deploys, mutable));
    }

    /** Deploy commands (joined over line continuations) that name an image by a mutable tag. */
    private static void mutableDeploys(SetContext context, MarkdownDocument doc, List<String> deploys, Pattern mutable) {
        Set<Integer> reported = new HashSet<>();
        for (CodeBlock block : doc.codeBlocks()) {
            if (!Blocks.isShell(block) && !Blocks.isYaml(block)) {
                continue;
            }
            List<String> lines = block.lines();
            int i = 0;
            while (i < lines.size()) {
                int start = i;
                StringBuilder command = new StringBuilder(lines.get(i));
                while (lines.get(i).stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                    i++;
                    command.append(' ').append(lines.get(i));
                }
                if (Vocabulary.contains(command, deploys)) {
                    for (int l = start; l <= i; l++) {
                        Matcher m = mutable.matcher(lines.get(l));
                        if (m.find() && reported.add(block.fileLine(l))) {
                            context.report(doc, block.range(l, m.start(1), l, m.end(1)), MUTABLE_TAG, m.group(1));
                        }
                    }
                }
                i++;
            }
        }
    }

    private static Pattern mutableTag(List<String> tags) {
        StringBuilder alternatives = new StringBuilder();
        for (String tag : tags) {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(tag));
        }
        return Pattern.compile("(?:[\\w./-]:|tag[=:]\\s*[\"']?)(" + alternatives + ")(?![\\w.-])");
    }
}
