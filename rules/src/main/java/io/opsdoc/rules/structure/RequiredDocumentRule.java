package io.opsdoc.rules.structure;

import io.opsdoc.core.Level;
import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.Heading;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.rule.FileCreation;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Message;
import io.opsdoc.core.rule.OptionSpec;
import io.opsdoc.core.rule.PlanningSet;
import io.opsdoc.core.rule.Report;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.SetContext;
import io.opsdoc.core.rule.SetRule;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A planning set (a folder with at least one typed document) lacks one of the documents the
 * role produces. Reported on the set's first document in canonical order; the fix creates the
 * missing file from {@link Scaffolds#document}.
 */
final class RequiredDocumentRule implements SetRule {
    static final String ID = "structure/required-document";

    private static final String HELP = """
            The DevOps role delivers four planning documents that reference each other: the CI/CD
            pipeline, infrastructure as code, the monitoring strategy and the deployment strategy.
            A folder that holds one of them is a planning set, and a set that lacks one leaves a gap
            the others cannot fill (a deployment strategy whose health checks and alerts are
            defined nowhere, for example). The cross-document `consistency/*` rules also need the
            whole set.

            The finding is reported on the first document of the set (in the order above), and names
            the missing file and its type. A document counts when its type is known from front
            matter (`doc-type: monitoring-strategy`), from configuration or from its default file
            name. Teams whose plans deliberately omit a document (for example no infrastructure
            document for a purely SaaS-hosted service) can narrow the `documents` option.

            **How to fix**: add the missing document to the same folder. `opsdoc fix` creates it
            with every required section, a guidance sentence each and an `<!-- opsdoc: fill in -->`
            marker:

            ```markdown
            # Monitoring Strategy

            ## Monitoring Overview

            Prometheus scrapes every service; Grafana dashboards and Alertmanager routes to PagerDuty.
            ```
            """;

    static final OptionSpec<List<String>> DOCUMENTS = OptionSpec.stringList("documents", DocumentTypes.BUILT_IN,
            "Document types every planning set must contain");

    static final Message MISSING = Message.of("missing",
            "the planning set in this folder has no {0} document; add '{1}' next to this file");

    private static final RuleMeta META = RuleMeta.of(ID, Level.ERROR,
            "A planning set lacks one of the four documents", HELP, List.of("structure"))
            .asFixable()
            .withOptions(DOCUMENTS)
            .withMessages(MISSING);

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(SetContext context) {
        PlanningSet set = context.set();
        if (set.documents().isEmpty()) {
            return;
        }
        Optional<TypedDocument> anchor = set.documents().stream()
                .min(Comparator.comparingInt((TypedDocument d) -> canonicalIndex(d.type().id()))
                        .thenComparing(d -> d.document().path()));
        MarkdownDocument document = anchor.orElseThrow().document();
        Range at = document.headings().stream().findFirst().map(Heading::range)
                .orElseGet(() -> document.source().lineRange(1));
        for (String typeId : context.options().get(DOCUMENTS)) {
            Optional<DocumentType> type = set.types().get(typeId);
            if (type.isEmpty() || set.has(typeId)) {
                continue;
            }
            String fileName = type.get().fileName();
            FileCreation creation = new FileCreation(set.folder().resolve(fileName), Scaffolds.document(type.get()));
            context.report(document, Report.of(at, MISSING, type.get().title(), fileName)
                    .withFix(Fix.create("create '" + fileName + "' with every required section", creation)));
        }
    }

    private static int canonicalIndex(String typeId) {
        int index = DocumentTypes.BUILT_IN.indexOf(typeId);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
