package io.opsdoc.sarif;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.Position;
import io.opsdoc.core.source.Range;
import io.opsdoc.core.source.SourceFile;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 */
public final class SarifWriter {
    public static final String SRCROOT = "%SRCROOT%";
    static final URI SCHEMA = URI.create(
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
    /** GitHub keeps 10 tags per rule; a longer list is truncated there anyway. */
    private static final int MAX_TAGS = 10;
    /** GitHub's limit for a rule's short and full description. */
    private static final int MAX_DESCRIPTION = 1024;
    /** Snippets longer than this many lines add size without helping a reader. */
    private static final int MAX_SNIPPET_LINES = 10;

    private final ObjectMapper mapper;

    public SarifWriter() {
        this.mapper = new ObjectMapper()
                .addMixIn(Run.class, RunResultsAlways.class)
                .addMixIn(Result.class, LevelAlways.class)
                .addMixIn(ReportingConfiguration.class, LevelAlways.class)
                .addMixIn(Notification.class, LevelAlways.class)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * The model omits values equal to their defaults, which would drop an empty {@code results}
     * array; GitHub rejects a run without one ("Missing 'results' array in run").
     */
    private abstract static class RunResultsAlways {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        @JsonProperty("results")
        abstract List<Result> getResults();

        /** Explicit although it is the default: positions are in UTF-16 code units, as Java strings count. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("columnKind")
        abstract Run.ColumnKind getColumnKind();
    }

    /**
     * "warning" is the SARIF default level, which the model would omit; written always so that
     * readers need not know the default (and GitHub lists every rule's level).
     */
    private abstract static class LevelAlways {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("level")
        abstract Object getLevel();
    }

    /** Serialises {@link #toSarif} as UTF-16 text (the caller encodes it as UTF-8, without BOM). */
    public void write(SarifInput input, Writer out) throws IOException {
        mapper.writeValue(out, toSarif(input));
        out.write("\n");
        out.flush();
    }

    /** The SARIF document as java-sarif model objects. */
    public SarifSchema210 toSarif(SarifInput input) {
        LintResult result = input.result();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<ReportingDescriptor> rules = new ArrayList<>();
        for (Rule rule : result.rules()) {
            ruleIndex.put(rule.id(), rules.size());
            rules.add(descriptor(rule.meta(), input.tool()));
        }
        // Findings of ids that are not rules of the run (the suppression checker's own findings,
        // hand-made results): each result must still name a rule of the run.
        for (Finding finding : result.findings()) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), rules.size());
                rules.add(descriptor(RuleMeta.of(finding.ruleId(), finding.level(),
                        "Finding of " + finding.ruleId(),
                        "Reported by opsdoc. Run `opsdoc explain " + finding.ruleId() + "` for details.", List.of()),
                        input.tool()));
            }
        }
        List<Result> results = new ArrayList<>();
        for (Finding finding : result.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId()), input));
        }
        ToolComponent driver = new ToolComponent()
                .withName(input.tool().name())
                .withSemanticVersion(input.tool().semanticVersion())
                .withVersion(input.tool().semanticVersion())
                .withInformationUri(input.tool().informationUri())
                .withRules(new LinkedHashSet<>(rules));
        OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
        // A description alone declares the base: an absolute machine path would leak the
        // build machine's layout and make reports differ between checkouts.
        baseIds.setAdditionalProperty(SRCROOT, new ArtifactLocation()
                .withDescription(new Message().withText("The root of the repository that was checked.")));
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withOriginalUriBaseIds(baseIds)
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withInvocations(List.of(invocation(result, input.root())))
                .withResults(results);
        input.category().map(SarifWriter::automationId).ifPresent(id ->
                run.setAutomationDetails(new RunAutomationDetails().withId(id)));
        return new SarifSchema210()
                .with$schema(SCHEMA)
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /** GitHub reads the part before the last '/' as the category: "docs" becomes "docs/". */
    static String automationId(String category) {
        String id = category.strip();
        while (id.startsWith("/")) {
            id = id.substring(1);
        }
        return id.contains("/") ? id : id + "/";
    }

    private static ReportingDescriptor descriptor(RuleMeta meta, ToolInfo tool) {
        String help = meta.help() == null || meta.help().isBlank() ? meta.description() : meta.help().strip();
        PropertyBag properties = new PropertyBag().withTags(tags(meta));
        properties.setAdditionalProperty("precision", precision(meta));
        properties.setAdditionalProperty("problem.severity", problemSeverity(meta.defaultLevel()));
        if (meta.securitySeverity() != null) {
            properties.setAdditionalProperty("security-severity", meta.securitySeverity());
        }
        return new ReportingDescriptor()
                .withId(meta.id())
                .withName(name(meta.id()))
                .withShortDescription(new MultiformatMessageString().withText(limit(sentence(meta.description()))))
                .withFullDescription(new MultiformatMessageString().withText(limit(fullDescription(meta, help))))
                .withHelp(new MultiformatMessageString().withText(help).withMarkdown(help))
                .withHelpUri(tool.helpUri(meta.id()))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(configurationLevel(meta.defaultLevel())))
                .withProperties(properties);
    }

    /** "markdown/code-block-language" -> "MarkdownCodeBlockLanguage": a readable name that is not the id. */
    static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.length() == 0 ? id : name.toString();
    }

    private static Set<String> tags(RuleMeta meta) {
        Set<String> tags = new LinkedHashSet<>();
        if (meta.securitySeverity() != null || "security".equals(meta.family())) {
            tags.add("security");
        }
        tags.addAll(meta.tags());
        return tags.stream().limit(MAX_TAGS).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
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

    /** The help text's first paragraph (why the rule exists), else the description. */
    private static String fullDescription(RuleMeta meta, String help) {
        for (String paragraph : help.split("\\R\\s*\\R")) {
            String text = paragraph.strip();
            if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith("```")) {
                return sentence(text.replaceAll("\\s*\\R\\s*", " "));
            }
        }
        return sentence(meta.description());
    }

    private static Result result(Finding finding, int ruleIndex, SarifInput input) {
        SourceFile source = input.result().sources().get(finding.file());
        Region region = region(finding.range());
        if (!finding.sensitive() && source != null) {
            snippet(source, finding.range()).ifPresent(text -> region.setSnippet(new ArtifactContent().withText(text)));
        }
        PartialFingerprints fingerprints = new PartialFingerprints();
        fingerprints.setAdditionalProperty("primaryLocationLineHash", input.fingerprints().get(finding));
        Result result = new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(ruleIndex)
                .withLevel(resultLevel(finding.level()))
                .withMessage(new Message().withText(sentence(finding.message())))
                .withLocations(List.of(new Location().withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(finding.file(), input.root()))
                        .withRegion(region))))
                .withPartialFingerprints(fingerprints);
        if (!finding.related().isEmpty()) {
            Set<Location> related = new LinkedHashSet<>();
            int id = 1;
            for (io.opsdoc.core.rule.Location location : finding.related()) {
                Location sarif = new Location().withId(id++).withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(location.file(), input.root()))
                        .withRegion(region(location.range())));
                if (location.message() != null && !location.message().isBlank()) {
                    sarif.setMessage(new Message().withText(sentence(location.message())));
                }
                related.add(sarif);
            }
            result.setRelatedLocations(related);
        }
        if (!finding.sensitive() && source != null && finding.fix().isPresent() && !finding.fix().get().edits().isEmpty()) {
            result.setFixes(Set.of(fix(finding, source, input.root())));
        }
        // The message id goes in the property bag, not message.id: SARIF resolves message.id in the
        // rule's messageStrings and then requires message.arguments for its placeholders, and the
        // arguments would repeat what the masked text leaves out (secrets).
        finding.messageId().ifPresent(id -> result.setProperties(new PropertyBag()
                .withAdditionalProperty(MESSAGE_ID_PROPERTY, id)));
        finding.suppression().ifPresent(justification -> {
            Suppression suppression = new Suppression().withKind(Suppression.Kind.IN_SOURCE);
            if (!justification.isBlank()) {
                suppression.setJustification(justification);
            }
            result.setSuppressions(Set.of(suppression));
        });
        return result;
    }

    private static com.contrastsecurity.sarif.Fix fix(Finding finding, SourceFile source, SourceRoot root) {
        List<Replacement> replacements = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>(finding.fix().get().edits());
        edits.sort(java.util.Comparator.comparingInt(TextEdit::start));
        String newline = source.lineEnding().text();
        for (TextEdit edit : edits) {
            Range deleted = source.range(edit.start(), edit.end());
            replacements.add(new Replacement()
                    .withDeletedRegion(region(deleted))
                    .withInsertedContent(new ArtifactContent().withText(withLineEnding(edit.replacement(), newline))));
        }
        ArtifactChange change = new ArtifactChange()
                .withArtifactLocation(artifact(finding.file(), root))
                .withReplacements(replacements);
        return new com.contrastsecurity.sarif.Fix()
                .withDescription(new Message().withText(sentence(finding.fix().get().description())))
                .withArtifactChanges(Set.of(change));
    }

    /** Fix edits write '\n'; the file may use CRLF or CR. */
    private static String withLineEnding(String text, String newline) {
        return "\n".equals(newline) ? text : text.replace("\n", newline);
    }

    private static Region region(Range range) {
        Position start = range.start();
        Position end = range.end();
        return new Region()
                .withStartLine(start.line())
                .withStartColumn(start.column())
                .withEndLine(Math.max(end.line(), start.line()))
                .withEndColumn(end.line() > start.line() ? end.column() : Math.max(end.column(), start.column()));
    }

    /** The full lines the range touches (a range ending at column 1 does not touch its last line). */
    private static java.util.Optional<String> snippet(SourceFile source, Range range) {
        int first = range.start().line();
        int last = range.end().line();
        if (last > first && range.end().column() == 1) {
            last--;
        }
        last = Math.min(last, first + MAX_SNIPPET_LINES - 1);
        if (first < 1 || first > source.lineCount()) {
            return java.util.Optional.empty();
        }
        last = Math.min(last, source.lineCount());
        StringBuilder text = new StringBuilder();
        for (int line = first; line <= last; line++) {
            text.append(source.lineText(line)).append('\n');
        }
        return java.util.Optional.of(text.toString());
    }

    private static ArtifactLocation artifact(String file, SourceRoot root) {
        return new ArtifactLocation().withUri(root.uri(file)).withUriBaseId(SRCROOT);
    }

    private static Invocation invocation(LintResult result, SourceRoot root) {
        List<Notification> notifications = new ArrayList<>();
        boolean failed = false;
        for (Notice notice : result.notices()) {
            failed |= notice.kind() == Notice.Kind.ERROR;
            notifications.add(new Notification()
                    .withLevel(notice.kind() == Notice.Kind.ERROR ? Notification.Level.ERROR : Notification.Level.WARNING)
                    .withMessage(new Message().withText(sentence(notice.file() + ": " + notice.message())))
                    .withLocations(Set.of(new Location().withPhysicalLocation(new PhysicalLocation()
                            .withArtifactLocation(artifact(notice.file(), root))))));
        }
        return new Invocation()
                .withExecutionSuccessful(!failed)
                .withToolExecutionNotifications(notifications);
    }

    private static Result.Level resultLevel(Level level) {
        return switch (level) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configurationLevel(Level level) {
        return switch (level) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
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
