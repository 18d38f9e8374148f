package io.opsdoc.core.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdoc.core.source.Range;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of the facts, as documented in docs/facts.md and schema/facts.schema.json:
 * {@code {"version": 1, "documents": [...]}}. Positions are 1-based lines and UTF-16 columns.
 */
public final class FactsJson {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FactsJson() {
    }

    public static ObjectNode of(List<DocumentFacts> documents) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode docs = root.putArray("documents");
        for (DocumentFacts f : documents) {
            docs.add(document(f));
        }
        return root;
    }

    static ObjectNode document(DocumentFacts f) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("file", f.path());
        if (f.type().isEmpty()) {
            d.putNull("type");
        } else {
            d.put("type", f.type());
        }
        ArrayNode envs = d.putArray("environments");
        for (EnvironmentFact e : f.environments()) {
            ObjectNode n = envs.addObject();
            n.put("name", e.name());
            n.put("written", e.written());
            n.set("range", range(e.range()));
        }
        ArrayNode slos = d.putArray("slos");
        for (SloFact s : f.slos()) {
            ObjectNode n = slos.addObject();
            n.put("target", s.target());
            n.put("targetWritten", s.written() + "%");
            text(n, "window", s.window());
            if (s.hasWindow()) {
                n.put("windowMinDays", s.windowMinDays());
                n.put("windowMaxDays", s.windowMaxDays());
            }
            if (s.allowanceSeconds().isPresent()) {
                ObjectNode a = n.putObject("allowance");
                a.put("seconds", s.allowanceSeconds().get());
                a.put("written", s.allowanceWritten().orElse(""));
                a.set("range", range(s.allowanceRange()));
            } else {
                n.putNull("allowance");
            }
            n.set("range", range(s.range()));
        }
        ArrayNode alerts = d.putArray("alerts");
        for (AlertFact a : f.alerts()) {
            ObjectNode n = alerts.addObject();
            n.put("name", a.name());
            n.put("source", a.source());
            text(n, "expression", a.expression());
            text(n, "comparison", a.comparison());
            if (a.threshold().isPresent()) {
                n.put("threshold", a.threshold().getAsDouble());
            } else {
                n.putNull("threshold");
            }
            text(n, "for", a.forDuration());
            text(n, "severity", a.severity());
            text(n, "runbook", a.runbook().map(FactsJson::withoutCredentials));
            n.set("range", range(a.range()));
            ArrayNode bounds = n.putArray("bounds");
            for (AlertFact.Bound b : a.bounds()) {
                ObjectNode x = bounds.addObject();
                x.put("measure", b.measure());
                if (b.measure().equals(AlertFact.LATENCY)) {
                    x.put("quantile", b.quantile());
                }
                x.put("value", b.value());
                x.set("range", range(b.range()));
            }
        }
        ArrayNode timings = d.putArray("timings");
        for (TimedFact t : f.timings()) {
            ObjectNode n = timings.addObject();
            n.put("kind", t.kind());
            n.put("label", t.label());
            n.put("seconds", t.seconds());
            n.put("written", t.written());
            n.set("range", range(t.range()));
        }
        ArrayNode health = d.putArray("healthEndpoints");
        for (HealthEndpoints.Endpoint e : f.healthEndpoints()) {
            ObjectNode n = health.addObject();
            n.put("path", e.path());
            if (e.port().isPresent()) {
                n.put("port", e.port().getAsInt());
            } else {
                n.putNull("port");
            }
            n.put("source", e.source());
            if (e.service().isEmpty()) {
                n.putNull("service");
            } else {
                n.put("service", e.service());
            }
            n.put("monitoringTool", e.monitoringTool());
            n.set("range", range(e.pathRange()));
        }
        ArrayNode terms = d.putArray("terms");
        for (TermFact t : f.terms()) {
            ObjectNode n = terms.addObject();
            n.put("kind", t.kind());
            n.put("name", t.name());
            n.put("written", t.written());
            n.set("range", range(t.range()));
        }
        return d;
    }

    private static void text(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }

    /** A URL's user-info may hold a credential, which no output ever repeats. */
    public static String withoutCredentials(String url) {
        return url.replaceAll("://[^/@\\s]+@", "://***@");
    }

    static JsonNode range(Range r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("line", r.start().line());
        n.put("column", r.start().column());
        n.put("endLine", r.end().line());
        n.put("endColumn", r.end().column());
        return n;
    }
}
