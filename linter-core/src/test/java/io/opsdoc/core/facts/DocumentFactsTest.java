package io.opsdoc.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.doctype.DocumentTypes;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.MarkdownParser;
import io.opsdoc.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each kind of fact is read once per document and type, whichever rule or thread asks first. */
class DocumentFactsTest {
    private static final String MONITORING = """
            # Monitoring Strategy

            ## SLOs

            Checkout availability: 99.9% over 30 days.

            ## Alerting

            | Alert | Condition | Severity |
            |-------|-----------|----------|
            | CheckoutErrors | error rate > 2% for 5m | page |

            ## Health Checks

            Every service answers `GET /healthz` in production and staging.
            """;

    private static MarkdownDocument parse() {
        return new MarkdownParser().parse(SourceFile.ofText("monitoring-strategy.md", MONITORING));
    }

    private static Optional<DocumentType> monitoring() {
        return DocumentTypes.builtIn().get(DocumentFacts.MONITORING);
    }

    @Test
    void everyViewOfADocumentSharesTheFactsReadFirst() {
        MarkdownDocument doc = parse();
        DocumentFacts first = DocumentFacts.of(doc, monitoring());
        DocumentFacts second = DocumentFacts.of(doc, monitoring());
        assertThat(second.alerts()).isSameAs(first.alerts()).isNotEmpty();
        assertThat(second.slos()).isSameAs(first.slos()).isNotEmpty();
        assertThat(second.environments()).isSameAs(first.environments());
        assertThat(second.timings()).isSameAs(first.timings());
        assertThat(second.terms()).isSameAs(first.terms());
        assertThat(second.healthEndpoints()).isSameAs(first.healthEndpoints());
        assertThat(first.type()).isEqualTo(DocumentFacts.MONITORING);
        assertThat(first.path()).isEqualTo("monitoring-strategy.md");
        // Another type reads the document afresh (sections are found by the type's titles).
        assertThat(DocumentFacts.of(doc, Optional.empty()).alerts()).isNotSameAs(first.alerts()).isEqualTo(first.alerts());
    }

    @Test
    void factsAreTheSameWhicheverKindIsAskedFirstAndFromHowManyThreads() throws Exception {
        // The JSON form: every kind, without the document's identity (endpoints name their document).
        String expected = FactsJson.document(DocumentFacts.of(parse(), monitoring())).toString();
        MarkdownDocument doc = parse();
        DocumentFacts facts = DocumentFacts.of(doc, monitoring());
        List<Callable<Object>> kinds = List.of(facts::terms, facts::healthEndpoints, facts::timings, facts::alerts,
                facts::slos, facts::environments);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                kinds.forEach(k -> futures.add(pool.submit(k)));
            }
            for (Future<Object> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(FactsJson.document(facts).toString()).isEqualTo(expected).contains("CheckoutErrors", "/healthz");
    }
}
