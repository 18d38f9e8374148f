package io.opsdoc.sarif;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Location;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one SARIF 2.1.0 log with one run, in the subset GitHub code scanning ingests without
 * warnings: every rule that ran is described (with help, tags, precision and, for security
 * rules, {@code security-severity}); each result has one location relative to the repository
 * root ({@code %SRCROOT%}), a full region, a line-hash fingerprint, related locations, fixes and
 * in-source suppressions; skipped files become tool execution notifications.
 *
 * <p>Sensitive findings (secrets) get neither a snippet nor a fix, and their fingerprint does
 * not hash the source line: nothing of the flagged text leaves the process.
 *
 * <p>The log is streamed with Jackson's generator, property by property in the order of the
 * SARIF schema, rather than built as an object model and serialised by data binding: binding
 * ~60 model classes by reflection cost about 0.4 s on every run that writes SARIF, which is most
 * of a one-file run's output time. {@code SarifWriterTest} validates the result against the
 * official schema.
 */
public final class SarifWriter {
    public static final String SRCROOT = "%SRCROOT%";
    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** GitHub keeps 10 tags per rule; a longer list is truncated there anyway. */
    private static final int MAX_TAGS = 10;
    /** GitHub's limit for a rule's short and full description. */
    private static final int MAX_DESCRIPTION = 1024;
    /** Snippets longer than this many lines add size without helping a reader. */
    private static final int MAX_SNIPPET_LINES = 10;

    /**
     * Serialises the SARIF log of {@code input} as UTF-16 text (the caller encodes it as UTF-8,
     * without BOM). Leaves {@code out} open.
     */
    public void write(SarifInput input, Writer out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        writeRun(json, input);
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
        out.write("\n");
        out.flush();
    }

    /** Artifact URIs by display path: a file's URI is worked out once, however many results it has. */
    private static final class Uris {
        private final SourceRoot root;
        private final Map<String, String> byFile = new HashMap<>();

        Uris(SourceRoot root) {
            this.root = root;
        }

        String of(String file) {
            return byFile.computeIfAbsent(file, root::uri);
        }
    }

    private static void writeRun(JsonGenerator json, SarifInput input) throws IOException {
        LintResult result = input.result();
        Uris uris = new Uris(input.root());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<RuleMeta> rules = new ArrayList<>();
        for (Rule rule : result.rules()) {
            if (ruleIndex.putIfAbsent(rule.id(), rules.size()) == null) {
                rules.add(rule.meta());
            }
        }
        // Findings of ids that are not rules of the run (the suppression checker's own findings,
        // hand-made results): each result must still name a rule of the run.
        for (Finding finding : result.findings()) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), rules.size());
                rules.add(RuleMeta.of(finding.ruleId(), finding.level(), "Finding of " + finding.ruleId(),
                        "Reported by opsdoc. Run `opsdoc explain " + finding.ruleId() + "` for details.", List.of()));
            }
        }
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        ToolInfo tool = input.tool();
        stringField(json, "name", tool.name());
        stringField(json, "version", tool.semanticVersion());
        stringField(json, "semanticVersion", tool.semanticVersion());
        if (tool.informationUri() != null) {
            json.writeStringField("informationUri", tool.informationUri().toString());
        }
        json.writeArrayFieldStart("rules");
        for (RuleMeta meta : rules) {
            writeDescriptor(json, meta, tool);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();

        json.writeArrayFieldStart("invocations");
        writeInvocation(json, result, uris);
        json.writeEndArray();

        // A description alone declares the base: an absolute machine path would leak the
        // build machine's layout and make reports differ between checkouts.
        json.writeObjectFieldStart("originalUriBaseIds");
        json.writeObjectFieldStart(SRCROOT);
        textObject(json, "description", "The root of the repository that was checked.");
        json.writeEndObject();
        json.writeEndObject();

        // Always written, even empty: GitHub rejects a run without it ("Missing 'results' array in run").
        json.writeArrayFieldStart("results");
        for (Finding finding : result.findings()) {
            writeResult(json, finding, ruleIndex.get(finding.ruleId()), input, uris);
        }
        json.writeEndArray();

        Optional<String> category = input.category();
        if (category.isPresent()) {
            json.writeObjectFieldStart("automationDetails");
            json.writeStringField("id", automationId(category.get()));
            json.writeEndObject();
        }
        // Explicit although it is the default: positions are in UTF-16 code units, as Java strings count.
        json.writeStringField("columnKind", "utf16CodeUnits");
        json.writeEndObject();
    }

    /** GitHub reads the part before the last '/' as the category: "docs" becomes "docs/". */
    static String automationId(String category) {
        String id = category.strip();
        while (id.startsWith("/")) {
            id = id.substring(1);
        }
        return id.contains("/") ? id : id + "/";
    }

    private static void writeDescriptor(JsonGenerator json, RuleMeta meta, ToolInfo tool) throws IOException {
        String help = meta.help() == null || meta.help().isBlank() ? meta.description() : meta.help().strip();
        json.writeStartObject();
        json.writeStringField("id", meta.id());
        json.writeStringField("name", name(meta.id()));
        textObject(json, "shortDescription", limit(sentence(meta.description())));
        textObject(json, "fullDescription", limit(fullDescription(meta, help)));
        // "warning" is the SARIF default level; written always so that readers need not know the
        // default (and GitHub lists every rule's level).
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(meta.defaultLevel()));
        json.writeEndObject();
        json.writeStringField("helpUri", tool.helpUri(meta.id()).toString());
        json.writeObjectFieldStart("help");
        stringField(json, "text", help);
        stringField(json, "markdown", help);
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        for (String tag : tags(meta)) {
            json.writeString(tag);
        }
        json.writeEndArray();
        // The order of earlier releases' reports, so that they compare byte for byte.
        json.writeStringField("precision", precision(meta));
        if (meta.securitySeverity() != null) {
            json.writeStringField("security-severity", meta.securitySeverity());
        }
        json.writeStringField("problem.severity", problemSeverity(meta.defaultLevel()));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** "markdown/code-block-language" -> "MarkdownCodeBlockLanguage": a readable name that is not the id. */
    static String name(String id) {
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < id.length()) {
            while (i < id.length() && !isAsciiAlphanumeric(id.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < id.length() && isAsciiAlphanumeric(id.charAt(i))) {
                i++;
            }
            if (i > start) {
                name.append(Character.toUpperCase(id.charAt(start))).append(id, start + 1, i);
            }
        }
        return name.length() == 0 ? id : name.toString();
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static Set<String> tags(RuleMeta meta) {
        Set<String> tags = new LinkedHashSet<>();
        if (meta.securitySeverity() != null || "security".equals(meta.family())) {
            tags.add("security");
        }
        for (String tag : meta.tags()) {
            if (tags.size() == MAX_TAGS) {
                break;
            }
            tags.add(tag);
        }
        return tags;
    }

    /** Rules tagged heuristic guess at intent from prose; the others check parsed structure. */
    private static String precision(RuleMeta meta) {
        return meta.tags().contains("heuristic") ? "medium" : "high";
    }

    private static String problemSeverity(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        };
    }

    /** The SARIF level of results and rule configurations. */
    private static String level(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    /**
     * The help text's first paragraph (why the rule exists), its lines joined by single spaces;
     * else the description. Paragraphs are split by blank lines with a plain scan: two regular
     * expressions per rule were a measurable part of writing ~100 rule descriptors.
     */
    static String fullDescription(RuleMeta meta, String help) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : help.lines().toList()) {
            String text = line.strip();
            if (text.isEmpty()) {
                if (isProse(paragraph)) {
                    return sentence(paragraph.toString());
                }
                paragraph.setLength(0);
            } else {
                paragraph.append(paragraph.length() > 0 ? " " : "").append(text);
            }
        }
        return sentence(isProse(paragraph) ? paragraph.toString() : meta.description());
    }

    /** A paragraph that is neither empty, a heading nor a code fence. */
    private static boolean isProse(CharSequence paragraph) {
        String text = paragraph.toString();
        return !text.isEmpty() && !text.startsWith("#") && !text.startsWith("```");
    }

    private static void writeResult(JsonGenerator json, Finding finding, int ruleIndex, SarifInput input, Uris uris)
            throws IOException {
        SourceFile source = input.result().sources().get(finding.file());
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", level(finding.level()));
        textObject(json, "message", sentence(finding.message()));
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        Optional<String> snippet = finding.sensitive() || source == null
                ? Optional.empty() : snippet(source, finding.range());
        writePhysicalLocation(json, finding.file(), finding.range(), snippet, uris);
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField("primaryLocationLineHash", input.fingerprints().get(finding));
        json.writeEndObject();
        if (!finding.related().isEmpty()) {
            json.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Location location : finding.related()) {
                json.writeStartObject();
                json.writeNumberField("id", id++);
                writePhysicalLocation(json, location.file(), location.range(), Optional.empty(), uris);
                if (location.message() != null && !location.message().isBlank()) {
                    textObject(json, "message", sentence(location.message()));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        Optional<String> justification = finding.suppression();
        if (justification.isPresent()) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "inSource");
            if (!justification.get().isBlank()) {
                json.writeStringField("justification", justification.get());
            }
            json.writeEndObject();
            json.writeEndArray();
        }
        if (!finding.sensitive() && source != null && finding.fix().isPresent() && !finding.fix().get().edits().isEmpty()) {
            json.writeArrayFieldStart("fixes");
            writeFix(json, finding, source, uris);
            json.writeEndArray();
        }
        // The message id goes in the property bag, not message.id: SARIF resolves message.id in the
        // rule's messageStrings and then requires message.arguments for its placeholders, and the
        // arguments would repeat what the masked text leaves out (secrets).
        Optional<String> messageId = finding.messageId();
        if (messageId.isPresent()) {
            json.writeObjectFieldStart("properties");
            json.writeStringField(MESSAGE_ID_PROPERTY, messageId.get());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeFix(JsonGenerator json, Finding finding, SourceFile source, Uris uris)
            throws IOException {
        List<TextEdit> edits = new ArrayList<>(finding.fix().get().edits());
        edits.sort(Comparator.comparingInt(TextEdit::start));
        String newline = source.lineEnding().text();
        json.writeStartObject();
        textObject(json, "description", sentence(finding.fix().get().description()));
        json.writeArrayFieldStart("artifactChanges");
        json.writeStartObject();
        writeArtifactLocation(json, finding.file(), uris);
        json.writeArrayFieldStart("replacements");
        for (TextEdit edit : edits) {
            json.writeStartObject();
            writeRegion(json, "deletedRegion", source.range(edit.start(), edit.end()), Optional.empty());
            textObject(json, "insertedContent", withLineEnding(edit.replacement(), newline));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Fix edits write '\n'; the file may use CRLF or CR. */
    private static String withLineEnding(String text, String newline) {
        return "\n".equals(newline) ? text : text.replace("\n", newline);
    }

    private static void writePhysicalLocation(JsonGenerator json, String file, Range range, Optional<String> snippet,
            Uris uris) throws IOException {
        json.writeObjectFieldStart("physicalLocation");
        writeArtifactLocation(json, file, uris);
        writeRegion(json, "region", range, snippet);
        json.writeEndObject();
    }

    private static void writeRegion(JsonGenerator json, String field, Range range, Optional<String> snippet)
            throws IOException {
        Position start = range.start();
        Position end = range.end();
        json.writeObjectFieldStart(field);
        json.writeNumberField("startLine", start.line());
        json.writeNumberField("startColumn", start.column());
        json.writeNumberField("endLine", Math.max(end.line(), start.line()));
        json.writeNumberField("endColumn", end.line() > start.line() ? end.column() : Math.max(end.column(), start.column()));
        if (snippet.isPresent()) {
            textObject(json, "snippet", snippet.get());
        }
        json.writeEndObject();
    }

    /** The full lines the range touches (a range ending at column 1 does not touch its last line). */
    private static Optional<String> snippet(SourceFile source, Range range) {
        int first = range.start().line();
        int last = range.end().line();
        if (last > first && range.end().column() == 1) {
            last--;
        }
        last = Math.min(last, first + MAX_SNIPPET_LINES - 1);
        if (first < 1 || first > source.lineCount()) {
            return Optional.empty();
        }
        last = Math.min(last, source.lineCount());
        StringBuilder text = new StringBuilder();
        for (int line = first; line <= last; line++) {
            text.append(source.lineText(line)).append('\n');
        }
        return Optional.of(text.toString());
    }

    private static void writeArtifactLocation(JsonGenerator json, String file, Uris uris) throws IOException {
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uris.of(file));
        json.writeStringField("uriBaseId", SRCROOT);
        json.writeEndObject();
    }

    private static void writeInvocation(JsonGenerator json, LintResult result, Uris uris) throws IOException {
        boolean failed = false;
        json.writeStartObject();
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (Notice notice : result.notices()) {
            boolean error = notice.kind() == Notice.Kind.ERROR;
            failed |= error;
            json.writeStartObject();
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            json.writeObjectFieldStart("physicalLocation");
            writeArtifactLocation(json, notice.file(), uris);
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
            textObject(json, "message", sentence(notice.file() + ": " + notice.message()));
            json.writeStringField("level", error ? "error" : "warning");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("executionSuccessful", !failed);
        json.writeEndObject();
    }

    /** A message-like object: {@code "field": {"text": text}}. */
    private static void textObject(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        stringField(json, "text", text);
        json.writeEndObject();
    }

    /** Absent values are left out, as SARIF readers expect, rather than written as null. */
    private static void stringField(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    /** Result property holding the finding's message id (the rule's {@code RuleMeta.messages()}). */
    static final String MESSAGE_ID_PROPERTY = "messageId";

    /** SARIF viewers show the first sentence when space is short: messages end with a full stop there. */
    static String sentence(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "(no message).";
        }
        char last = t.charAt(t.length() - 1);
        return last == '.' || last == '!' || last == '?' ? t : t + ".";
    }

    private static String limit(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
