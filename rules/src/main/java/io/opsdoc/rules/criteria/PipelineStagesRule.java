package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The CI/CD plan must show every stage of a complete pipeline. */
public final class PipelineStagesRule implements SetRule {
    /** Topic, what the stage is, what would satisfy the rule. */
    private record Stage(String topic, String label, String remedy) {
    }

    private static final List<Stage> STAGES = List.of(
            new Stage("stage-quality", "quality & security check", "a stage that lints and scans the code (e.g. ESLint, CodeQL)"),
            new Stage("stage-build", "build", "a stage that builds the application and its image"),
            new Stage("stage-test", "test", "a stage that runs the unit and integration tests"),
            new Stage("stage-publish", "artifact publish", "a stage that pushes the versioned artifact to a registry"),
            new Stage("stage-deploy", "deploy", "a stage that deploys the published artifact to each environment"),
            new Stage("stage-verify", "post-deploy verification", "a stage that runs smoke tests or health checks against the deployed version"));

    static final Message MISSING_STAGE = Message.of("missing-stage",
            "No {0} stage found in {1} (stage headings, tables, pipeline jobs and steps); add {2}");

    private static final String HELP = """
            A complete pipeline goes from a commit to a verified release: quality and security checks, \
            build, test, artifact publish, deploy, and post-deploy verification. A plan that skips one \
            of them leaves that step to people, which is where releases go wrong.

            The rule reads the CI/CD document's *Pipeline Stages* section: its stage headings, tables and \
            text, and the jobs and steps of the workflow blocks of the whole document (GitHub Actions \
            `jobs.*.steps`, GitLab CI jobs with `stage:` and `script:`, shell blocks). Each stage is \
            recognised by the names teams give it (`smoke`, `post-deploy`, `docker push`, ...); the lists \
            are the options `stage-quality`, `stage-build`, `stage-test`, `stage-publish`, `stage-deploy`, \
            `stage-verify` (replace) and `extra-stage-*` (extend).

            **How to fix**: add the missing stage to *Pipeline Stages*, for example:

            ```yaml
            verify:
              needs: deploy-staging
              runs-on: ubuntu-latest
              steps:
                - name: Smoke test staging
                  run: ./scripts/smoke.sh https://staging.shop.internal
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        for (Stage s : STAGES) {
            options.addAll(Vocabulary.get().options(s.topic(), "Words that identify a " + s.label() + " stage"));
        }
        return RuleMeta.of("criteria/pipeline-stages", Level.WARNING,
                "The CI/CD plan lacks a stage: quality & security checks, build, test, artifact publish, deploy, post-deploy verification",
                HELP, List.of("criteria", "cicd")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline")
                .withMessages(MISSING_STAGE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.CICD, "Pipeline Stages").forEach(cicd -> check(context, cicd));
    }

    private void check(SetContext context, Focus cicd) {
        MarkdownDocument doc = cicd.document();
        Optional<Section> stages = cicd.section();
        String haystack = PipelineSteps.text(PipelineSteps.of(doc)) + "\n" + Evidence.text(doc, stages);
        for (Stage stage : STAGES) {
            List<String> terms = Vocabulary.get().effective(context.options(), stage.topic());
            if (!Vocabulary.contains(haystack, terms)) {
                context.report(doc, Evidence.anchor(doc, stages), MISSING_STAGE, stage.label(),
                        Evidence.where(stages, "Pipeline Stages"), stage.remedy());
            }
        }
    }
}
