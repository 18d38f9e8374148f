package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.Blocks;
import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.CodeBlock;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.core.facts.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Principle 2: infrastructure code is versioned and its state is remote. */
public final class IacVersionedRule implements SetRule {
    private static final Pattern BACKEND = Pattern.compile("(?m)^\\s*backend\\s+\"([A-Za-z0-9_-]+)\"|^\\s*cloud\\s*\\{");

    static final Message NOT_VERSIONED = Message.of("not-versioned",
            "The plan does not say that the infrastructure code is versioned (no repository, git or review "
                    + "workflow mentioned); say where the code lives and how changes are reviewed");
    static final Message NO_REMOTE_STATE = Message.of("no-remote-state",
            "No remote state found in {0} (no non-local backend block, no state service); keep the state in "
                    + "a shared, locked and encrypted backend");

    private static final String HELP = """
            Principle 2, "Infrastructure as Code — everything versioned and reproducible": the \
            infrastructure code lives in version control and changes go through review, and the state \
            that maps code to real resources is kept remotely (shared, locked, backed up), not on one \
            laptop.

            The rule reads the infrastructure document: `terraform { backend "..." }` or `cloud {}` blocks (a \
            `local` backend does not count), then words for versioning (git, repository, pull request, \
            GitOps; option `versioned`) and remote state (Terraform Cloud, Pulumi Cloud, state bucket; \
            option `remote-state`).

            **How to fix**:

            ```hcl
            terraform {
              backend "s3" {
                bucket       = "acme-shop-tfstate"
                key          = "prod/terraform.tfstate"
                region       = "eu-central-1"
                encrypt      = true
                use_lockfile = true
              }
            }
            ```

            and say that the code lives in the repository under `infra/` and changes are applied from reviewed pull requests.
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("versioned", "Words saying infrastructure code is versioned"));
        options.addAll(Vocabulary.get().options("remote-state", "Words naming a remote state backend"));
        return RuleMeta.of("principles/iac-versioned", Level.NOTE,
                "Infrastructure code not versioned / no remote state", HELP, List.of("principles", "iac"))
                .withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code")
                .withMessages(NOT_VERSIONED, NO_REMOTE_STATE);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Focus.each(context.set(), DocumentFacts.IAC, "Infrastructure as Code Overview").forEach(iac -> check(context, iac));
    }

    private void check(SetContext context, Focus iac) {
        MarkdownDocument doc = iac.document();
        String text = Evidence.text(doc);
        Optional<Section> overview = iac.section();
        Optional<Section> state = iac.section("State Management");
        if (!Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "versioned"))) {
            context.report(doc, Evidence.anchor(doc, overview), NOT_VERSIONED);
        }
        boolean remote = false;
        for (CodeBlock block : doc.codeBlocks()) {
            if (Blocks.isHcl(block) && block.hcl().valid()) {
                for (io.opsdoc.core.hcl.HclBlock terraform : block.hcl().body().blocks("terraform")) {
                    remote |= !terraform.body().blocks("cloud").isEmpty();
                    for (io.opsdoc.core.hcl.HclBlock backend : terraform.body().blocks("backend")) {
                        remote |= !backend.labels().isEmpty() && !backend.label(0).equals("local");
                    }
                }
            } else if (Blocks.isHcl(block)) {
                // Elided or templated blocks do not parse: read the backend header lines.
                Matcher m = BACKEND.matcher(block.content());
                while (m.find()) {
                    remote |= m.group(1) == null || !m.group(1).equals("local");
                }
            }
        }
        remote |= Vocabulary.contains(text, Vocabulary.get().effective(context.options(), "remote-state"));
        if (!remote) {
            context.report(doc, Evidence.anchor(doc, state.or(() -> overview)), NO_REMOTE_STATE,
                    Evidence.where(state, "State Management"));
        }
    }
}
