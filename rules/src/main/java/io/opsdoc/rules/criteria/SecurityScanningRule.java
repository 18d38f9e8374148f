package io.opsdoc.rules.criteria;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.facts.TermFact;
import io.opsdoc.core.facts.Terms;
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

/** The pipeline must scan dependencies, code (SAST) and, when it builds images, container images. */
public final class SecurityScanningRule implements SetRule {
    static final Message NO_DEPENDENCY_SCAN = Message.of("no-dependency-scan",
            "No dependency vulnerability scan found in {0}; add a step such as Snyk, OSV-Scanner, `npm "
                    + "audit` or Trivy in fs mode");
    static final Message NO_SAST = Message.of("no-sast",
            "No static analysis (SAST) found in {0}; add a step such as CodeQL, Semgrep or SonarQube");
    static final Message NO_IMAGE_SCAN = Message.of("no-image-scan",
            "The pipeline builds a container image but no image scan was found in {0}; scan the image before "
                    + "pushing it (e.g. Trivy or Grype)");

    private static final String HELP = """
            "Security scanning is integrated": the pipeline checks third-party dependencies for known \
            vulnerabilities (Snyk, Dependabot alerts, OSV-Scanner, `npm audit`, Trivy in `fs` mode...), \
            analyses the code itself (SAST: CodeQL, Semgrep, SonarQube...) and, when it builds container \
            images, scans them before they are pushed (Trivy, Grype, Clair...).

            The rule reads the CI/CD document: the jobs and steps of its workflow blocks (`uses:` actions, \
            `run:` commands, GitLab `include:` templates such as `Security/SAST.gitlab-ci.yml`) and its \
            text. Image scanning is only required when the pipeline builds an image. Tool lists are the \
            options `dependency-scanners`, `sast-tools`, `image-scanners` (and `extra-*`).

            **How to fix**: add the missing scan as a blocking step, for example:

            ```yaml
            - name: Scan image
              uses: aquasecurity/trivy-action@915b19bbe73b92a6cf82a1bc12b087c9a19a5fe2 # 0.28.0
              with:
                image-ref: ghcr.io/acme/shop:${{ github.sha }}
                exit-code: "1"
                severity: CRITICAL,HIGH
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("dependency-scanners", "Dependency vulnerability scanners"));
        options.addAll(Vocabulary.get().options("sast-tools", "Static analysis security tools"));
        options.addAll(Vocabulary.get().options("image-scanners", "Container image scanners"));
        return RuleMeta.of("criteria/security-scanning", Level.WARNING,
                "Pipeline misses dependency scanning, static analysis (SAST) or container image scanning", HELP,
                List.of("criteria", "cicd", "security")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("cicd-pipeline")
                .withMessages(NO_DEPENDENCY_SCAN, NO_SAST, NO_IMAGE_SCAN);
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
        String haystack = PipelineSteps.text(PipelineSteps.of(doc)) + "\n" + Evidence.text(doc);
        Vocabulary v = Vocabulary.get();
        // The scanners are the document's scanner facts (`opsdoc facts`), filtered by each category's list.
        List<DocumentFacts> facts = List.of(cicd.facts());
        String where = Evidence.where(stages, "Pipeline Stages") + " or the pipeline's jobs and steps";
        if (!Terms.mentions(facts, TermFact.SCANNER, v.effective(context.options(), "dependency-scanners"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_DEPENDENCY_SCAN, where);
        }
        if (!Terms.mentions(facts, TermFact.SCANNER, v.effective(context.options(), "sast-tools"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_SAST, where);
        }
        if (Vocabulary.contains(haystack, v.terms("container-build"))
                && !Terms.mentions(facts, TermFact.SCANNER, v.effective(context.options(), "image-scanners"))) {
            context.report(doc, Evidence.anchor(doc, stages), NO_IMAGE_SCAN, where);
        }
    }
}
