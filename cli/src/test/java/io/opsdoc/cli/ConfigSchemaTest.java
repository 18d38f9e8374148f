package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The YAML examples of docs/configuration.md are valid for the JSON Schema and for opsdoc itself. */
class ConfigSchemaTest {
    private static final Pattern YAML_FENCE = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("schema/opsdoc.schema.json"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root with schema/opsdoc.schema.json").isNotNull();
        return dir;
    }

    private static List<String> examples() throws Exception {
        String doc = Files.readString(repositoryRoot().resolve("docs/configuration.md"));
        List<String> result = new ArrayList<>();
        Matcher m = YAML_FENCE.matcher(doc);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static Schema schema() throws Exception {
        String text = Files.readString(repositoryRoot().resolve("schema/opsdoc.schema.json"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    private static List<Error> validate(Schema schema, String yaml) throws Exception {
        Object value = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return schema.validate(new ObjectMapper().writeValueAsString(value), InputFormat.JSON);
    }

    @Test
    void documentationExamplesMatchTheSchema() throws Exception {
        Schema schema = schema();
        List<String> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(6);
        for (String example : examples) {
            assertThat(validate(schema, example)).as("schema errors for example:\n%s", example).isEmpty();
        }
    }

    @Test
    void schemaRejectsWhatOpsdocRejects() throws Exception {
        Schema schema = schema();
        assertThat(validate(schema, "rulez: {}\n")).isNotEmpty();
        assertThat(validate(schema, "rules: {markdown/heading-increment: loud}\n")).isNotEmpty();
        assertThat(validate(schema, "custom-rules: {x: {kind: forbid-pattern, message: m}}\n")).isNotEmpty();
        assertThat(validate(schema, "custom-rules: {x: {kind: require-key, path: a.b, message: m, values: [1]}}\n"))
                .isNotEmpty();
        for (String file : List.of("../x.md", "/etc/x.md", "a/../../x.md", "~/x.md", "a\\\\b.md", "C:/x.md", "a/")) {
            assertThat(validate(schema, "types: {runbook: {file: '" + file + "'}}\n")).as(file).isNotEmpty();
        }
        assertThat(validate(schema, "types: {runbook: {file: runbooks/runbook.md}}\n")).isEmpty();
    }

    /**
     * Every example is also accepted by opsdoc's own parser (rule ids of families still being
     * written are accepted through their family glob only, so the examples use catalogue ids).
     */
    @Test
    void documentationExamplesParse(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path work = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/opsdoc-team.yml"), "rules: {}\n");
        for (String example : examples()) {
            Files.writeString(work.resolve(".opsdoc.yml"), example);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"config", "--print", work.toString()}, new PrintWriter(out), new PrintWriter(err));
            boolean unknownCatalogueRule = err.toString().contains("unknown rule");
            assertThat(code == 0 || unknownCatalogueRule).as("example:\n%s\nerror: %s", example, err).isTrue();
        }
    }
}
