package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.embedded.YamlDocument;
import io.opsdoc.core.embedded.YamlNodes;
import io.opsdoc.core.facts.Vocabulary;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.rules.criteria.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Principle 1: the CI/CD tool is named and integrated with the repository host. */
public final class CiCdIntegrationRule implements SetRule {
    static final Message NO_TOOL = Message.of("no-tool",
            "No CI/CD tool named in {0} and no workflow definition found; name the tool (e.g. GitHub "
                    + "Actions, GitLab CI)");
    static final Message NO_HOST = Message.of("no-host",
            "The CI/CD plan does not say how the pipeline integrates with the repository host (no "
                    + "GitHub/GitLab, pull-request triggers or branch protection found); state the host and which "
                    + "events run the pipeline");

    private static final String HELP = """
            Principle 1, "CI/CD Pipeline — automate everything; integrate with GitHub": the plan names \
            its CI/CD tool and says how it hooks into the repository host (pull-request checks, branch \
            protection, merge requests), so that nothing reaches `main` without the pipeline.

            The rule reads the CI/CD document: workflow blocks (a GitHub Actions workflow with `on:` \
            push/pull_request triggers, GitLab CI jobs with `rules:`/`stages:`) and the tool and host names \
            in the text (options `ci-tools`, `repo-hosts`).

            **How to fix**: in *CI/CD Overview*, for example:

            ```markdown
            **CI/CD tool**: GitHub Actions, on the `acme/shop` GitHub repository. Every pull request runs
            the pipeline; branch protection on `main` requires the `ci` checks to pass.
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("ci-tools", "CI/CD tool names"));
        options.addAll(Vocabulary.get().options("repo-hosts", "Repository hosts and their integration words"));
        return RuleMeta.of("principles/ci-cd-integration", Level.NOTE,
                "CI/CD tool not named or not integrated with the repository host", HELP, List.of("principles", "cicd"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline")
                .withMessages(NO_TOOL, NO_HOST);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.CICD, "CI/CD Overview").forEach(cicd -> check(context, cicd));
    }

    private void check(SetContext context, Focus cicd) {
        MarkdownDocument doc = cicd.document();
        Optional<Section> overview = cicd.section();
        String text = Evidence.text(doc);
        boolean tool = Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "ci-tools"));
        boolean host = Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "repo-hosts"));
        for (YamlDocument yamlDoc : YamlDocument.of(doc.codeBlocks(), YamlDocument.Tags.TAGGED)) {
            Node root = yamlDoc.root();
            CodeBlock block = yamlDoc.code();
            boolean workflow = YamlNodes.has(root, "jobs") && (YamlNodes.has(root, "on") || YamlNodes.has(root, "true"));
            boolean gitlab = YamlNodes.has(root, "stages");
            tool |= workflow || gitlab;
            Optional<Node> on = YamlNodes.get(root, "on").or(() -> YamlNodes.get(root, "true"));
            if (on.isPresent()) {
                String triggers = String.join(" ", YamlNodes.keys(on.get())) + " " + YamlNodes.scalar(on.get()).orElse("");
                host |= triggers.contains("pull_request") || triggers.contains("push");
            }
            host |= gitlab && block.content().contains("merge_request_event");
        }
        if (!tool) {
            context.report(doc, Evidence.anchor(doc, overview), NO_TOOL, Evidence.where(overview, "CI/CD Overview"));
        } else if (!host) {
            context.report(doc, Evidence.anchor(doc, overview), NO_HOST);
        }
    }
}
