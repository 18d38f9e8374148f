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

/**
 * What opsdoc understood of one planning document: its environments, availability objectives,
 * alerts, timings (stage targets, pipeline total, rollback times, automation limits, RTO/RPO),
 * health endpoints and named things (secrets stores, scanners, backups, strategies, pipeline
 * jobs), each with its exact place in the file. Computed once per document and type and kept
 * with the document, so every rule of a run queries the same facts.
 *
 * @param type the document type id, empty for an untyped file
 */
public record DocumentFacts(MarkdownDocument document, String type, List<EnvironmentFact> environments,
        List<SloFact> slos, List<AlertFact> alerts, List<TimedFact> timings, List<HealthEndpoints.Endpoint> healthEndpoints,
        List<TermFact> terms) {
    public static final String CICD = "cicd-pipeline";
    public static final String IAC = "infrastructure-as-code";
    public static final String MONITORING = "monitoring-strategy";
    public static final String DEPLOYMENT = "deployment-strategy";

    public DocumentFacts {
        environments = List.copyOf(environments);
        slos = List.copyOf(slos);
        alerts = List.copyOf(alerts);
        timings = List.copyOf(timings);
        healthEndpoints = List.copyOf(healthEndpoints);
        terms = List.copyOf(terms);
    }

    /** The facts of a typed document of a planning set, computed on first request. */
    public static DocumentFacts of(TypedDocument typed) {
        return of(typed.document(), Optional.of(typed.type()));
    }

    /** The facts of {@code doc} read as {@code type} (empty: untyped), computed on first request. */
    public static DocumentFacts of(MarkdownDocument doc, Optional<DocumentType> type) {
        String key = "opsdoc.facts:" + type.map(DocumentType::id).orElse("");
        return doc.derived(key, DocumentFacts.class, d -> read(d, type));
    }

    /** The facts of every document of a set, in the set's order. */
    public static List<DocumentFacts> of(PlanningSet set) {
        List<DocumentFacts> result = new ArrayList<>();
        set.documents().forEach(d -> result.add(of(d)));
        return result;
    }

    private static DocumentFacts read(MarkdownDocument doc, Optional<DocumentType> type) {
        String id = type.map(DocumentType::id).orElse("");
        Optional<Section> envSection = id.equals(IAC) ? Sections.find(doc, type, "Environment Management") : Optional.empty();
        List<EnvironmentFact> environments = new ArrayList<>();
        for (Map.Entry<String, Environments.Mention> e : Environments.mentions(doc, envSection, id.equals(IAC)).entrySet()) {
            Range r = e.getValue().range();
            environments.add(new EnvironmentFact(e.getKey(), doc.text().substring(r.start().offset(), r.end().offset()), r));
        }
        List<TimedFact> timings = new ArrayList<>();
        if (id.equals(CICD)) {
            Sections.find(doc, type, "Pipeline Performance").ifPresent(s -> timings.addAll(PipelineTimes.of(doc, s)));
        }
        Optional<Section> rollback = id.equals(DEPLOYMENT) ? Sections.find(doc, type, "Rollback Procedures") : Optional.empty();
        rollback.ifPresent(s -> timings.addAll(Rollbacks.stated(doc, Optional.of(s))));
        timings.addAll(Rollbacks.labelled(doc, rollback));
        timings.addAll(Rollbacks.limits(doc));
        timings.addAll(Recovery.of(doc));
        Optional<Section> health = id.equals(MONITORING) ? Sections.find(doc, type, "Health Checks") : Optional.empty();
        List<TermFact> terms = new ArrayList<>(Terms.of(doc));
        if (id.equals(CICD)) {
            Sections.find(doc, type, "Pipeline Stages").ifPresent(s -> terms.addAll(Terms.jobs(doc, s)));
        }
        return new DocumentFacts(doc, id, environments, Slos.of(doc), Alerts.of(doc), timings,
                HealthEndpoints.of(doc, health), terms);
    }

    public String path() {
        return document.path();
    }

    public List<TimedFact> timings(String kind) {
        return timings.stream().filter(t -> t.kind().equals(kind)).toList();
    }

    public List<TermFact> terms(String kind) {
        return terms.stream().filter(t -> t.kind().equals(kind)).toList();
    }
}
