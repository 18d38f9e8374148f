package io.opsdoc.cli.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdoc.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** action.yml, the example workflow and docs/integrations.md, checked as GitHub and opsdoc itself read them. */
class ActionMetadataTest {
    private static final Pattern USES = Pattern.compile("(?m)^\\s*-?\\s*uses:\\s*(\\S+)(.*)$");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String relative) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(RepositoryFiles.read(relative));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theActionHasTheDocumentedInputsAndOutputs() {
        Map<String, Object> action = yaml("action.yml");
        Map<String, Object> inputs = (Map<String, Object>) action.get("inputs");
        assertThat(inputs).containsKeys("paths", "config", "format", "fail-on", "sarif-file", "category");
        assertThat(((Map<String, Object>) inputs.get("format")).get("default")).isEqualTo("github");
        assertThat((Map<String, Object>) action.get("outputs")).containsKeys("exit-code", "sarif-file");
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        assertThat(runs.get("using")).isEqualTo("composite");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
        Map<String, Object> run = steps.stream().filter(s -> s.containsKey("run")).findFirst().orElseThrow();
        assertThat(run.get("shell")).isEqualTo("bash");
        // Inputs reach the script through env only: an expression inside run: would be script injection.
        assertThat((String) run.get("run")).doesNotContain("${{").contains("action/run.sh");
        assertThat(((Map<String, Object>) run.get("env")).keySet())
                .contains("INPUT_PATHS", "INPUT_CONFIG", "INPUT_FORMAT", "INPUT_FAIL_ON", "INPUT_SARIF_FILE", "INPUT_CATEGORY");
        assertThat(RepositoryFiles.file("action/run.sh")).isExecutable();
    }

    @Test
    void thirdPartyActionsArePinnedToACommitWithAVersionComment() {
        for (String file : List.of("action.yml", "examples/github-workflow.yml")) {
            Matcher uses = USES.matcher(RepositoryFiles.read(file));
            int count = 0;
            while (uses.find()) {
                String ref = uses.group(1);
                if (ref.startsWith("opsdoc/opsdoc@")) {
                    continue; // opsdoc itself: a release tag users replace with the release they pick
                }
                count++;
                assertThat(ref).as(file).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
                assertThat(uses.group(2)).as(file + " " + ref).matches("\\s*#\\s*v\\d+(\\.\\d+)*\\s*");
            }
            assertThat(count).as(file).isPositive();
        }
        assertThat(RepositoryFiles.read("examples/github-workflow.yml"))
                .contains("github/codeql-action/upload-sarif@").contains("security-events: write");
    }

    @Test
    void theExampleWorkflowIsTheOneTheDocsShow() {
        String workflow = RepositoryFiles.read("examples/github-workflow.yml");
        assertThat(RepositoryFiles.read("docs/integrations.md")).contains("```yaml\n" + workflow + "```\n");
    }

    /** opsdoc's own rules (github-actions/unpinned-action, outdated-action, script-injection) on the docs. */
    @Test
    void theDocsAndTheExampleWorkflowPassOpsdocsOwnChecks() throws Exception {
        Path doc = RepositoryFiles.file("docs/integrations.md");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", doc.toString(), "--fail-on", "warning"}, new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).as(out + "\n" + err).isZero();
        // Only the opsdoc release tag may draw a note (a tag, not a commit SHA).
        assertThat(out.toString().lines().filter(l -> l.contains(": note [")))
                .allMatch(l -> l.contains("[github-actions/unpinned-action]") && l.contains("opsdoc/opsdoc"));
    }
}
