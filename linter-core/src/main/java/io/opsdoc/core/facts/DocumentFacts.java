package io.opsdoc.core.facts;

import io.opsdoc.core.doctype.DocumentType;
import io.opsdoc.core.markdown.MarkdownDocument;
import io.opsdoc.core.markdown.Section;
import io.opsdoc.core.rule.PlanningSet;
import io.opsdoc.core.rule.TypedDocument;
import io.opsdoc.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What opsdoc understood of one planning document: its environments, availability objectives,
 * alerts, timings (stage targets, pipeline total, rollback times, automation limits, RTO/RPO),
 * health endpoints and named things (secrets stores, scanners, backups, strategies, pipeline
 * jobs), each with its exact place in the file. Each kind of fact is read once per document and
 * type, when a rule first asks for it, and kept with the document, so every rule of a run queries
 * the same facts: a rule that needs the environments does not wait for the alerts to be read
 * (alerts parse the JSON and HCL blocks), and a kind no rule asks for is never read.
 */
public final class DocumentFacts {
    public static final String CICD = "cicd-pipeline";
    public static final String IAC = "infrastructure-as-code";
    public static final String MONITORING = "monitoring-strategy";
    public static final String DEPLOYMENT = "deployment-strategy";

    private final MarkdownDocument document;
    private final Optional<DocumentType> documentType;
    private final String type;
    /** The prefix of this document's and type's keys in {@link MarkdownDocument#derived}. */
    private final String key;

    private DocumentFacts(MarkdownDocument document, Optional<DocumentType> documentType) {
        this.document = document;
        this.documentType = documentType;
        this.type = documentType.map(DocumentType::id).orElse("");
        this.key = "opsdoc.facts:" + type + ":";
    }

    /** The facts of a typed document of a planning set. */
    public static DocumentFacts of(TypedDocument typed) {
        return of(typed.document(), Optional.of(typed.type()));
    }

    /** The facts of {@code doc} read as {@code type} (empty: untyped); each kind is read on first request. */
    public static DocumentFacts of(MarkdownDocument doc, Optional<DocumentType> type) {
        return new DocumentFacts(doc, type);
    }

    /** The facts of every document of a set, in the set's order. */
    public static List<DocumentFacts> of(PlanningSet set) {
        List<DocumentFacts> result = new ArrayList<>();
        set.documents().forEach(d -> result.add(of(d)));
        return result;
    }

    public MarkdownDocument document() {
        return document;
    }

    /** The document type id, empty for an untyped file. */
    public String type() {
        return type;
    }

    public List<EnvironmentFact> environments() {
        return fact("environments", this::readEnvironments);
    }

    public List<SloFact> slos() {
        return fact("slos", () -> Slos.of(document));
    }

    public List<AlertFact> alerts() {
        return fact("alerts", () -> Alerts.of(document));
    }

    public List<TimedFact> timings() {
        return fact("timings", this::readTimings);
    }

    public List<HealthEndpoints.Endpoint> healthEndpoints() {
        return fact("health-endpoints", () -> HealthEndpoints.of(document,
                type.equals(MONITORING) ? Sections.find(document, documentType, "Health Checks") : Optional.empty()));
    }

    public List<TermFact> terms() {
        return fact("terms", this::readTerms);
    }

    /**
     * One kind of fact, read once per document and type: the first request reads it, requests
     * from other threads meanwhile wait for that result (see {@link MarkdownDocument#derived}).
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> fact(String kind, Supplier<List<T>> read) {
        return document.derived(key + kind, List.class, d -> List.copyOf(read.get()));
    }

    private List<EnvironmentFact> readEnvironments() {
        Optional<Section> envSection = type.equals(IAC)
                ? Sections.find(document, documentType, "Environment Management") : Optional.empty();
        List<EnvironmentFact> environments = new ArrayList<>();
        for (Map.Entry<String, Environments.Mention> e
                : Environments.mentions(document, envSection, type.equals(IAC)).entrySet()) {
            Range r = e.getValue().range();
            environments.add(new EnvironmentFact(e.getKey(), document.text().substring(r.start().offset(), r.end().offset()), r));
        }
        return environments;
    }

    private List<TimedFact> readTimings() {
        List<TimedFact> timings = new ArrayList<>();
        if (type.equals(CICD)) {
            Sections.find(document, documentType, "Pipeline Performance")
                    .ifPresent(s -> timings.addAll(PipelineTimes.of(document, s)));
        }
        Optional<Section> rollback = type.equals(DEPLOYMENT)
                ? Sections.find(document, documentType, "Rollback Procedures") : Optional.empty();
        rollback.ifPresent(s -> timings.addAll(Rollbacks.stated(document, Optional.of(s))));
        timings.addAll(Rollbacks.labelled(document, rollback));
        timings.addAll(Rollbacks.limits(document));
        timings.addAll(Recovery.of(document));
        return timings;
    }

    private List<TermFact> readTerms() {
        List<TermFact> terms = new ArrayList<>(Terms.of(document));
        if (type.equals(CICD)) {
            Sections.find(document, documentType, "Pipeline Stages").ifPresent(s -> terms.addAll(Terms.jobs(document, s)));
        }
        return terms;
    }

    public String path() {
        return document.path();
    }

    public List<TimedFact> timings(String kind) {
        return timings().stream().filter(t -> t.kind().equals(kind)).toList();
    }

    public List<TermFact> terms(String kind) {
        return terms().stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
