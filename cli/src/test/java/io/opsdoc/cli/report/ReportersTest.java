package io.opsdoc.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.LintResult;
import io.opsdoc.core.engine.Notice;
import io.opsdoc.core.engine.Timings;
import io.opsdoc.core.rule.DocumentContext;
import io.opsdoc.core.rule.DocumentRule;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.rule.Fix;
import io.opsdoc.core.rule.Rule;
import io.opsdoc.core.rule.RuleMeta;
import io.opsdoc.core.rule.TextEdit;
import io.opsdoc.core.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every --format on one hand-made result: structure, escaping, and that a secret never leaks. */
class ReportersTest {
    private static final String KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String FILE = "docs/planning/cicd-pipeline.md";
    private static final String TEXT = """
            # CI/CD Pipeline

            ## Environment Variables & Secrets

            ```yaml
            env:
              AWS_ACCESS_KEY_ID: %s
            ```

            ```
            kubectl rollout status deploy/api
            ```
            """.formatted(KEY);

    private static Rule rule(RuleMeta meta) {
        return new DocumentRule() {
            @Override
            public RuleMeta meta() {
                return meta;
            }

            @Override
            public void check(DocumentContext context) {
            }
        };
    }

    static LintResult result() {
        SourceFile source = SourceFile.ofText(FILE, TEXT);
        int keyAt = TEXT.indexOf(KEY);
        int fenceAt = TEXT.indexOf("```\nkubectl");
        List<Rule> rules = List.of(
                rule(RuleMeta.of("security/hardcoded-secret", Level.ERROR, "Credential written into a document",
                        "Anyone who reads it can use it.\n\nHow to fix: use the CI secret store.", List.of("security"))
                        .withSecuritySeverity("9.5")),
                rule(RuleMeta.of("markdown/code-block-language", Level.WARNING, "Fenced code block without a language",
                        "Tools cannot tell the language.\n\nHow to fix: add a tag such as `shell`.", List.of("markdown"))
                        .asFixable()));
        List<Finding> findings = List.of(
                new Finding("security/hardcoded-secret", Level.ERROR,
                        "AWS access key ID in a yaml block: move it to the CI secret store, and rotate it", FILE,
                        source.range(keyAt, keyAt + KEY.length()), Optional.empty(), List.of(), true, Optional.empty()),
                new Finding("markdown/code-block-language", Level.WARNING,
                        "Code block without language, 100%\nsure it is shell", FILE,
                        source.range(fenceAt, fenceAt + 3),
                        Optional.of(Fix.edit("Tag as shell", TextEdit.insert(fenceAt + 3, "shell"))), List.of(), false,
                        Optional.empty()),
                new Finding("markdown/code-block-language", Level.NOTE, "Suppressed one", FILE,
                        source.range(fenceAt, fenceAt + 3), Optional.empty(), List.of(), false,
                        Optional.of("kept on purpose")));
        return new LintResult(findings, List.of(new Notice("docs/big.md", Notice.Kind.SKIPPED, "skipped: larger than 8 MB")),
                Map.of(FILE, source), rules, 1, new Timings(0, 0, 0, 0, 0, 0));
    }

    static String render(String format, LintResult result) throws IOException {
        Reporter reporter = Formats.reporter(format).orElseThrow();
        StringWriter out = new StringWriter();
        reporter.write(result, new ReportContext(Path.of("").toAbsolutePath(), "0.1.0", Optional.of("docs"), false), out);
        return out.toString();
    }

    @Test
    void everyFormatIsRegistered() {
        assertThat(Formats.names()).isEqualTo("text, json, sarif, checkstyle, github");
    }

    @Test
    void secretAppearsInNoFormat() throws IOException {
        for (String format : List.of("text", "json", "sarif", "checkstyle", "github")) {
            String output = render(format, result());
            assertThat(output).as(format).isNotBlank().doesNotContain(KEY).doesNotContain("AKIA");
        }
    }

    @Test
    void sarifIsSchemaValid() throws IOException {
        String sarif = render("sarif", result());
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            assertThat(schema.validate(sarif, InputFormat.JSON)).isEmpty();
        }
        JsonNode run = new ObjectMapper().readTree(sarif).path("runs").path(0);
        assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("docs/");
        assertThat(run.path("results")).hasSize(3);
        assertThat(run.path("tool").path("driver").path("rules").path(0).path("properties").path("security-severity")
                .asText()).isEqualTo("9.5");
    }

    @Test
    void jsonFollowsTheDocumentedSchema() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render("json", result()));
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("tool").path("name").asText()).isEqualTo("opsdoc");
        assertThat(json.path("findings")).hasSize(3);
        JsonNode fence = json.path("findings").path(1);
        assertThat(fence.path("ruleId").asText()).isEqualTo("markdown/code-block-language");
        assertThat(fence.path("level").asText()).isEqualTo("warning");
        assertThat(fence.path("file").asText()).isEqualTo(FILE);
        assertThat(fence.path("line").asInt()).isEqualTo(10);
        assertThat(fence.path("column").asInt()).isEqualTo(1);
        assertThat(fence.path("endLine").asInt()).isEqualTo(10);
        assertThat(fence.path("endColumn").asInt()).isEqualTo(4);
        assertThat(fence.path("fingerprint").asText()).matches("[0-9a-f]{16}:1");
        assertThat(fence.path("fixable").asBoolean()).isTrue();
        assertThat(fence.path("suppressed").asBoolean()).isFalse();
        assertThat(json.path("findings").path(2).path("suppressed").asBoolean()).isTrue();
        assertThat(json.path("notices").path(0).path("file").asText()).isEqualTo("docs/big.md");
        JsonNode summary = json.path("summary");
        assertThat(summary.path("errors").asInt()).isEqualTo(1);
        assertThat(summary.path("warnings").asInt()).isEqualTo(1);
        assertThat(summary.path("notes").asInt()).isZero();
        assertThat(summary.path("files").asInt()).isEqualTo(1);
        assertThat(summary.path("suppressed").asInt()).isEqualTo(1);
    }

    @Test
    void checkstyleXmlUsesCheckstyleElements() throws Exception {
        String xml = render("checkstyle", result());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("checkstyle");
        NodeList files = root.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(2);
        Element pipeline = (Element) files.item(1);
        assertThat(pipeline.getAttribute("name")).isEqualTo(FILE);
        NodeList errors = pipeline.getElementsByTagName("error");
        assertThat(errors.getLength()).as("suppressed findings are left out").isEqualTo(2);
        Element secret = (Element) errors.item(0);
        assertThat(secret.getAttribute("line")).isEqualTo("7");
        assertThat(secret.getAttribute("column")).isEqualTo("22");
        assertThat(secret.getAttribute("severity")).isEqualTo("error");
        assertThat(secret.getAttribute("message")).startsWith("AWS access key ID in a yaml block: move it");
        assertThat(secret.getAttribute("source")).endsWith("#security/hardcoded-secret");
        Element fence = (Element) errors.item(1);
        assertThat(fence.getAttribute("severity")).isEqualTo("warning");
        assertThat(fence.getAttribute("message")).isEqualTo("Code block without language, 100%\nsure it is shell");
        Element notice = (Element) ((Element) files.item(0)).getElementsByTagName("error").item(0);
        assertThat(notice.getAttribute("message")).isEqualTo("skipped: larger than 8 MB");
    }

    @Test
    void githubCommandsAreEscaped() throws IOException {
        assertThat(GithubReporter.data("50% done\r\nnext: a, b")).isEqualTo("50%25 done%0D%0Anext: a, b");
        assertThat(GithubReporter.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
        List<String> lines = render("github", result()).lines().toList();
        assertThat(lines.get(0)).startsWith("::error file=").contains(",line=7,col=22,endLine=7,endColumn=42,")
                .contains("title=opsdoc security/hardcoded-secret::");
        assertThat(lines.get(1)).startsWith("::warning file=")
                .endsWith("::Code block without language, 100%25%0Asure it is shell");
        assertThat(lines.get(2)).startsWith("::warning file=").contains("docs/big.md");
        assertThat(lines).noneMatch(l -> l.contains("Suppressed one"));
    }
}
