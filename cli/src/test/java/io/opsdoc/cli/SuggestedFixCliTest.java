package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correction that removes text (the trailing comma of a JSON block) is offered to the user in the
 * reports but never applied by {@code opsdoc fix}, which only ever adds lines or language tags.
 */
class SuggestedFixCliTest {
    private static final String DOC = """
            # Notes

            ```json
            {
              "receiver": "payments-oncall",
              "repeat_interval": "4h",
            }
            ```
            """;

    @TempDir
    Path temp;

    @Test
    void fixLeavesTheTrailingCommaAndSaysNothingWasLost() throws IOException {
        Path doc = Files.writeString(temp.resolve("notes.md"), DOC, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("fix", doc.toString());
        assertThat(Files.readString(doc, StandardCharsets.UTF_8)).isEqualTo(DOC);
        assertThat(run.out()).contains("[syntax/json]").contains("6:26");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void reportsOfferTheDeletionAsASuggestion() throws IOException {
        Path doc = Files.writeString(temp.resolve("notes.md"), DOC, StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(CliRun.of("check", "--format", "json", doc.toString()).out());
        JsonNode finding = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("ruleId").asText().equals("syntax/json")) {
                finding = f;
            }
        }
        assertThat(finding).isNotNull();
        assertThat(finding.get("level").asText()).isEqualTo("warning");
        assertThat(finding.get("line").asInt()).isEqualTo(6);
        assertThat(finding.get("column").asInt()).isEqualTo(26);
        assertThat(finding.get("fixable").asBoolean()).isFalse();
        assertThat(finding.get("suggestion").asBoolean()).isTrue();
        assertThat(finding.get("messageId").asText()).isEqualTo("trailing-comma");

        JsonNode sarif = new ObjectMapper().readTree(CliRun.of("check", "--format", "sarif", doc.toString()).out());
        JsonNode result = null;
        for (JsonNode r : sarif.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals("syntax/json")) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.get("properties").get("messageId").asText()).isEqualTo("trailing-comma");
        JsonNode replacement = result.get("fixes").get(0).get("artifactChanges").get(0).get("replacements").get(0);
        assertThat(replacement.get("deletedRegion").get("startLine").asInt()).isEqualTo(6);
        assertThat(replacement.get("deletedRegion").get("startColumn").asInt()).isEqualTo(26);
    }
}
