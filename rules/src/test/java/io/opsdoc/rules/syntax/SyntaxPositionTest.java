package io.opsdoc.rules.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.core.Level;
import io.opsdoc.core.engine.Linter;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Finding;
import io.opsdoc.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syntax errors must point at the exact line and column of the Markdown file, whatever container
 * holds the fence and whatever line ending or BOM the file has.
 */
class SyntaxPositionTest {
    private static final RuleRegistry REGISTRY = RuleRegistry.load();

    /** YAML whose error is the second ':' on "   selector: x" (3 spaces + "selector" = column 12, 1-based). */
    private static final String YAML_BODY = "spec:\n  replicas: 3\n   selector: x\n";
    /** JSON whose error is the '"' that opens "b" on the third line (column 3, 1-based). */
    private static final String JSON_BODY = "{\n  \"a\": 1\n  \"b\": 2\n}\n";

    private static List<Finding> lint(String rule, String text) {
        SourceFile source = SourceFile.ofText("docs/planning/deployment-strategy.md", text);
        return Linter.withDefaults(REGISTRY, Path.of("")).lintSources(List.of(source)).findings().stream()
                .filter(f -> f.ruleId().equals(rule)).toList();
    }

    private static String indent(String body, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            sb.append(prefix).append(line).append('\n');
        }
        return sb.toString();
    }

    private static void assertOne(List<Finding> findings, int line, int column) {
        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.level()).isEqualTo(Level.ERROR);
        assertThat(f.line()).as("line").isEqualTo(line);
        assertThat(f.column()).as("column").isEqualTo(column);
    }

    @Test
    void yamlAtTopLevel() {
        String text = "# Plan\n\n## Deployment Process\n\n```yaml\n" + YAML_BODY + "```\n";
        // Content starts on line 6; the error is on content line 3.
        assertOne(lint("syntax/yaml", text), 8, 12);
    }

    @Test
    void yamlInListItem() {
        String text = "# Plan\n\n- Apply:\n\n  ```yaml\n" + indent(YAML_BODY, "  ") + "  ```\n";
        assertOne(lint("syntax/yaml", text), 8, 14);
    }

    @Test
    void yamlInOrderedListItemWithWideMarker() {
        String text = "# Plan\n\n10. Apply:\n\n    ```yaml\n" + indent(YAML_BODY, "    ") + "    ```\n";
        assertOne(lint("syntax/yaml", text), 8, 16);
    }

    @Test
    void yamlInBlockQuote() {
        String text = "# Plan\n\n> Note:\n>\n> ```yaml\n" + indent(YAML_BODY, "> ") + "> ```\n";
        assertOne(lint("syntax/yaml", text), 8, 14);
    }

    @Test
    void yamlInBlockQuoteInsideListItem() {
        String text = "# Plan\n\n- Step\n\n  > ```yaml\n" + indent(YAML_BODY, "  > ") + "  > ```\n";
        assertOne(lint("syntax/yaml", text), 8, 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r"})
    void yamlWithOtherLineEndings(String eol) {
        String text = ("# Plan\n\n## Deployment Process\n\n```yaml\n" + YAML_BODY + "```\n").replace("\n", eol);
        assertOne(lint("syntax/yaml", text), 8, 12);
    }

    @Test
    void yamlWithBom() {
        String text = "\uFEFF# Plan\n\n```yaml\n" + YAML_BODY + "```\n";
        assertOne(lint("syntax/yaml", text), 6, 12);
    }

    @Test
    void yamlErrorOnFirstContentLineAfterBomAndCrlf() {
        String text = "\uFEFF```yaml\r\nkey: [a, b\r\nother: 1\r\n```\r\n";
        List<Finding> findings = lint("syntax/yaml", text);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).line()).isBetween(2, 3);
    }

    @Test
    void yamlWithWideCharactersBeforeTheError() {
        // Emoji are two UTF-16 units: SnakeYAML counts code points, columns are UTF-16.
        String text = "```yaml\nname: \"\uD83D\uDE80 rollout\"\n  bad: x\n```\n";
        List<Finding> findings = lint("syntax/yaml", text);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).line()).isEqualTo(3);
    }

    @Test
    void jsonAtTopLevel() {
        String text = "# Plan\n\n## State Management\n\n```json\n" + JSON_BODY + "```\n";
        assertOne(lint("syntax/json", text), 8, 3);
    }

    @Test
    void jsonInListItem() {
        String text = "# Plan\n\n- Policy:\n\n  ```json\n" + indent(JSON_BODY, "  ") + "  ```\n";
        assertOne(lint("syntax/json", text), 8, 5);
    }

    @Test
    void jsonInBlockQuote() {
        String text = "# Plan\n\n> Policy:\n>\n> ```json\n" + indent(JSON_BODY, "> ") + "> ```\n";
        assertOne(lint("syntax/json", text), 8, 5);
    }

    @Test
    void jsonWithCrlf() {
        String text = ("# Plan\n\n## State Management\n\n```json\n" + JSON_BODY + "```\n").replace("\n", "\r\n");
        assertOne(lint("syntax/json", text), 8, 3);
    }

    @Test
    void jsonWithBom() {
        String text = "\uFEFF# Plan\n\n```json\n" + JSON_BODY + "```\n";
        assertOne(lint("syntax/json", text), 6, 3);
    }

    @Test
    void jsoncErrorIsBlamedWhereTheLenientReadingFails() {
        String text = "```jsonc\n{\n  // comment\n  \"a\": oops\n}\n```\n";
        assertOne(lint("syntax/json", text), 4, 8);
    }

    /** HCL whose error is the argument "  name: x" on the second line: its name starts at column 3 (1-based). */
    private static final String HCL_BODY = "locals {\n  name: \"x\"\n}\n";

    @Test
    void hclAtTopLevel() {
        String text = "# Plan\n\n## Database\n\n```hcl\n" + HCL_BODY + "```\n";
        assertOne(lint("syntax/hcl", text), 7, 3);
    }

    @Test
    void hclInListItem() {
        String text = "# Plan\n\n- Database:\n\n  ```terraform\n" + indent(HCL_BODY, "  ") + "  ```\n";
        assertOne(lint("syntax/hcl", text), 7, 5);
    }

    @Test
    void hclInBlockQuote() {
        String text = "# Plan\n\n> Database:\n>\n> ```tf\n" + indent(HCL_BODY, "> ") + "> ```\n";
        assertOne(lint("syntax/hcl", text), 7, 5);
    }

    @Test
    void hclWithCrlfAndBom() {
        String text = ("\uFEFF# Plan\n\n## Database\n\n```hcl\n" + HCL_BODY + "```\n").replace("\n", "\r\n");
        assertOne(lint("syntax/hcl", text), 7, 3);
    }

    @Test
    void notesAreNotErrors() {
        String text = "```json\n{\n  // comment\n  \"a\": 1\n}\n```\n\n```yaml\nlabels:\n  {{- include \"labels\" . | nindent 4 }}\n```\n";
        assertThat(lint("syntax/json", text)).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo(Level.NOTE));
        assertThat(lint("syntax/yaml", text)).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo(Level.NOTE));
    }
}
