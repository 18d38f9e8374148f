package io.opsdoc.rules.principles;

import io.opsdoc.core.facts.DocumentFacts;
import io.opsdoc.core.facts.Focus;
import io.opsdoc.core.Level;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.rules.criteria.Evidence;
import io.opsdoc.core.facts.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Principle 4: developers can run, test and deploy locally. */
public final class LocalParityRule implements SetRule {
    static final Message NO_LOCAL_SETUP = Message.of("no-local-setup",
            "No local development setup in the planning set (no 'Local Development' section, Compose file or "
                    + "local start command); describe how developers run, test and deploy the system on their machine");

    private static final String HELP = """
            Principle 4, "Local Development Parity — developers must be able to test and deploy \
            locally": the plan has a local development setup — a section that says how to start the \
            system on a workstation, with the commands (`docker compose up`, `tilt up`, `kind create \
            cluster` and a local deploy).

            The rule looks in all documents for a local-development section (*Local Development*, \
            *Local Environment*, *Developer Setup*...; option `local-sections`) or for local start \
            commands (option `local-commands`) and a Compose file. It reports on the infrastructure \
            document's *Environment Management*.

            **How to fix**:

            ```bash
            docker compose up -d postgres redis
            kind create cluster --name shop && kubectl apply -k deploy/overlays/local
            ```
            """;

    private static final RuleMeta META = describe();

    /** The rule's one metadata record, built once. */
    private static RuleMeta describe() {
        List<OptionSpec> options = new ArrayList<>();
        options.addAll(Vocabulary.get().options("local-sections", "Headings of a local development section"));
        options.addAll(Vocabulary.get().options("local-commands", "Commands that start the system locally"));
        return RuleMeta.of("principles/local-parity", Level.NOTE, "No local development setup", HELP,
                List.of("principles", "developer-experience")).withOptions(options.toArray(OptionSpec[]::new))
                .appliesTo("infrastructure-as-code")
                .withMessages(NO_LOCAL_SETUP);
    }

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        Optional<TypedDocument> iac = context.set().document(DocumentFacts.IAC);
        if (iac.isEmpty()) {
            return;
        }
        List<String> sections = Vocabulary.get().effective(context.options(), "local-sections");
        List<String> commands = Vocabulary.get().effective(context.options(), "local-commands");
        for (TypedDocument d : context.set().documents()) {
            MarkdownDocument doc = d.document();
            boolean section = doc.findSections(sections).stream().anyMatch(s -> !Evidence.text(doc, s).isBlank());
            if (section || CloudAgnosticRule.hasComposeFile(doc) || Vocabulary.contains(Evidence.text(doc), commands)) {
                return;
            }
        }
        MarkdownDocument doc = iac.get().document();
        Optional<Section> environments = Focus.of(iac.get(), "Environment Management").section();
        context.report(doc, Evidence.anchor(doc, environments), NO_LOCAL_SETUP);
    }
}
