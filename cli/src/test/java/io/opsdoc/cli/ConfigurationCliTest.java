package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdoc.core.Level;
import io.opsdoc.core.engine.RuleRegistry;
import io.opsdoc.core.rule.Rule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration files, presets, custom rules and inline suppressions, end to end through the command line. */
class ConfigurationCliTest {
    /** Built-in rules (written by others, changing) are switched off so that only these rules report. */
    private static final String ONLY_OURS = """
            rules:
              "*": off
              custom/*: on
              config/unused-suppression: on
            """;

    private static final String JENKINS_RULE = ONLY_OURS + """
            custom-rules:
              no-jenkins:
                kind: forbid-pattern
                scope: text
                pattern: '\\bJenkins\\b'
                message: "We moved to GitHub Actions; replace {match}"
            """;

    private static final String PIPELINE = """
            # CI/CD Pipeline

            ## CI/CD Overview

            Builds run on Jenkins today and move to GitHub Actions in the second quarter.

            ## Failure Handling

            A failed stage stops the pipeline and posts to the team channel.
            """;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<String> lines(Run run, String needle) {
        List<String> result = new ArrayList<>();
        run.out().lines().filter(l -> l.contains(needle)).forEach(result::add);
        return result;
    }

    @BeforeEach
    void repository() throws Exception {
        // The repository root bounds the search for configuration files.
        Files.createDirectories(dir.resolve(".git"));
    }

    @Test
    void customPatternRuleReportsAndCascadingConfigTurnsItOff() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE);
        Path top = write("docs/cicd-pipeline.md", PIPELINE);
        Path legacy = write("legacy/cicd-pipeline.md", PIPELINE);
        write("legacy/.opsdoc.yml", "rules:\n  custom/no-jenkins: off\n");

        Run all = run("check", dir.toString(), "--fail-on", "none");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(lines(all, "[custom/no-jenkins]")).hasSize(1);
        assertThat(all.out()).contains(top.toString().replace('\\', '/') + ":5:15: warning [custom/no-jenkins]"
                + " We moved to GitHub Actions; replace Jenkins");
        assertThat(all.out()).doesNotContain(legacy.toString() + ":");
    }

    @Test
    void levelOverrideAndFailOn() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE);
        write("docs/.opsdoc.yml", "rules:\n  custom/*: error\n");
        write("docs/cicd-pipeline.md", PIPELINE);
        Run run = run("check", dir.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("error [custom/no-jenkins]");
    }

    @Test
    void explicitConfigReplacesDiscovery() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE);
        Path other = write("other.yml", ONLY_OURS);
        write("docs/cicd-pipeline.md", PIPELINE);
        Run run = run("check", dir.toString(), "--config", other.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("custom/no-jenkins");
    }

    @Test
    void everyKindOfCustomRuleAppearsInTextAndSarif() throws Exception {
        write(".opsdoc.yml", ONLY_OURS + """
                custom-rules:
                  escalation:
                    kind: require-section
                    document-types: cicd-pipeline
                    section: Escalation
                    message: Add an Escalation section naming who is paged
                  runbook-link:
                    kind: require-pattern
                    level: note
                    section: Failure Handling
                    pattern: 'runbooks/[\\w-]+\\.md'
                    message: Link the runbook that on-call follows
                  no-curl-bash:
                    kind: forbid-pattern
                    scope: code
                    language: bash
                    pattern: 'curl [^|]*\\| *(ba)?sh'
                    message: Do not pipe downloads into a shell
                  non-root:
                    kind: require-key
                    level: error
                    path: spec.template.spec.securityContext.runAsNonRoot
                    where:
                      kind: Deployment
                    message: Set {path}
                  no-always-pull:
                    kind: forbid-value
                    path: spec.template.spec.containers.*.imagePullPolicy
                    values: [Always]
                    message: imagePullPolicy {value} ties every rollout to the registry
                """);
        Path doc = write("docs/cicd-pipeline.md", PIPELINE + """

                ```bash
                curl -sSL https://get.example.net/install.sh | bash
                ```

                ```yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  template:
                    spec:
                      containers:
                        - name: api
                          image: registry.internal/api:1.4.2
                          imagePullPolicy: Always
                ```
                """);
        Run text = run("check", doc.toString(), "--fail-on", "none");
        String path = doc.toString().replace('\\', '/');
        assertThat(text.out())
                .contains(path + ":1:1: warning [custom/escalation] Add an Escalation section naming who is paged")
                .contains(path + ":7:1: note [custom/runbook-link] Link the runbook that on-call follows")
                .contains(path + ":12:1: warning [custom/no-curl-bash] Do not pipe downloads into a shell")
                .contains(path + ":22:5: error [custom/non-root] Set spec.template.spec.securityContext.runAsNonRoot")
                .contains(path + ":26:28: warning [custom/no-always-pull] imagePullPolicy Always ties every rollout");

        Run sarif = run("check", doc.toString(), "--fail-on", "none", "--format", "sarif");
        assertThat(sarif.code()).as(sarif.err()).isZero();
        JsonNode log = new ObjectMapper().readTree(sarif.out());
        List<String> ruleIds = new ArrayList<>();
        log.at("/runs/0/tool/driver/rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).contains("custom/escalation", "custom/runbook-link", "custom/no-curl-bash",
                "custom/non-root", "custom/no-always-pull");
        List<String> resultIds = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> resultIds.add(r.get("ruleId").asText()));
        assertThat(resultIds).contains("custom/escalation", "custom/non-root", "custom/no-always-pull");
    }

    @Test
    void catastrophicPatternIsStoppedNotHung() throws Exception {
        write(".opsdoc.yml", ONLY_OURS + """
                custom-rules:
                  backtracking:
                    kind: require-pattern
                    scope: text
                    pattern: '(.*a){12}b'
                    message: never matches in time
                """);
        Path doc = write("docs/notes.md", "# Notes\n\n" + "a".repeat(60) + "\n");
        long start = System.nanoTime();
        Run run = run("check", doc.toString(), "--fail-on", "none");
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
        assertThat(run.out()).contains("[custom/backtracking] pattern of custom/backtracking took longer than 1 s");
        assertThat(run.out()).doesNotContain("never matches in time");
    }

    @Test
    void everySuppressionForm() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE);
        Path doc = write("docs/notes.md", """
                # Migration Notes

                <!-- opsdoc-disable-next-line custom/no-jenkins -- quoting the old runbook -->
                The old Jenkins job stays read-only.

                <!-- opsdoc-disable custom/* -->
                Jenkins agents are drained first.

                Jenkins credentials are revoked last.
                <!-- opsdoc-enable custom/* -->

                Jenkins is switched off in May.

                ```yaml
                ci: Jenkins  # opsdoc-disable-line custom/no-jenkins
                ```

                <!-- opsdoc-disable-next-line custom/no-jenkins -->
                Nothing to suppress on this line.

                <!-- opsdoc-disable-next-line custom/no-jenkns -->
                Still nothing here.
                """);
        Run run = run("check", doc.toString(), "--fail-on", "none");
        String path = doc.toString().replace('\\', '/');
        assertThat(lines(run, "[custom/no-jenkins]")).containsExactly(
                path + ":12:1: warning [custom/no-jenkins] We moved to GitHub Actions; replace Jenkins");
        assertThat(run.out()).contains("4 suppressed in source.")
                .contains(path + ":18:1: note [config/unused-suppression] opsdoc-disable-next-line custom/no-jenkins"
                        + " suppresses nothing; remove it from the comment")
                .contains(path + ":21:1: note [config/unused-suppression] unknown rule 'custom/no-jenkns' in"
                        + " opsdoc-disable-next-line; did you mean 'custom/no-jenkins'?");

        Run sarif = run("check", doc.toString(), "--fail-on", "none", "--format", "sarif");
        JsonNode log = new ObjectMapper().readTree(sarif.out());
        List<String> justifications = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> {
            if (r.has("suppressions")) {
                assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
                justifications.add(r.at("/suppressions/0/justification").asText());
            }
        });
        assertThat(justifications).hasSize(4).contains("quoting the old runbook");

        write("docs/.opsdoc.yml", "rules:\n  config/unused-suppression: {level: warning, options: {unknown-rules: false}}\n");
        Run tuned = run("check", doc.toString(), "--fail-on", "none");
        assertThat(tuned.out()).contains(":18:1: warning [config/unused-suppression]").doesNotContain("no-jenkns");
    }

    @Test
    void disableFileAndAllRules() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE);
        Path doc = write("docs/cicd-pipeline.md", "<!-- opsdoc-disable-file -->\n" + PIPELINE);
        Run run = run("check", doc.toString());
        assertThat(run.out()).doesNotContain("[custom/no-jenkins]").contains("suppressed in source");
    }

    @Test
    void configPrintShowsCascadeAndPresets() throws Exception {
        write("base.yml", "rules:\n  config/unused-suppression: off\n");
        // (JENKINS_RULE turns it back on after extending base.yml: an own setting wins over an extended one.)
        write(".opsdoc.yml", JENKINS_RULE + "extends: [./base.yml]\nignore: [drafts/**]\n");
        write("docs/.opsdoc.yml", "extends: all\ndocuments:\n  plans/pipeline.md: cicd-pipeline\n");
        Run top = run("config", "--print", dir.toString());
        assertThat(top.code()).as(top.err()).isZero();
        assertThat(top.out()).contains("custom/no-jenkins: warning").contains("markdown/heading-increment: off")
                .contains("drafts/**").containsPattern("(?m)^  config/unused-suppression:\\n    level: note");
        Run docs = run("config", "--print", dir.resolve("docs").toString());
        assertThat(docs.out()).contains("markdown/heading-increment: warning")
                .contains("plans/pipeline.md: cicd-pipeline");

        write("docs/.opsdoc.yml", "extends: [../base.yml]\n");
        Run off = run("config", "--print", dir.resolve("docs").toString());
        assertThat(off.out()).contains("config/unused-suppression: off");

        write("docs/.opsdoc.yml", "extends: strict\n");
        Run strict = run("config", "--print", dir.resolve("docs").toString());
        for (Rule rule : RuleRegistry.load().all()) {
            String family = rule.meta().family();
            if ((family.equals("principles") || family.equals("criteria")) && rule.meta().defaultLevel() == Level.NOTE) {
                assertThat(strict.out()).containsPattern("(?m)^  " + rule.id() + ":(\\s*warning|\\n    level: warning)");
            }
        }
    }

    @Test
    void documentsMappingGivesTheType() throws Exception {
        write(".opsdoc.yml", ONLY_OURS + """
                documents:
                  plans/pipeline.md: cicd-pipeline
                custom-rules:
                  escalation:
                    kind: require-section
                    document-types: [cicd-pipeline]
                    section: Escalation
                    message: Add an Escalation section
                """);
        write("plans/pipeline.md", PIPELINE);
        write("plans/notes.md", PIPELINE);
        Run run = run("check", dir.toString(), "--fail-on", "none");
        assertThat(lines(run, "[custom/escalation]")).hasSize(1).allMatch(l -> l.contains("plans/pipeline.md:1:1"));
    }

    @Test
    void ignoredFilesAreNotChecked() throws Exception {
        write(".opsdoc.yml", JENKINS_RULE + "ignore:\n  - drafts/**\n");
        write("drafts/cicd-pipeline.md", PIPELINE);
        write("docs/cicd-pipeline.md", PIPELINE);
        Run run = run("check", dir.toString(), "--fail-on", "none");
        assertThat(lines(run, "[custom/no-jenkins]")).hasSize(1).allMatch(l -> l.contains("docs/cicd-pipeline.md"));
    }

    @Test
    void customTypesWithTheirOwnSections() throws Exception {
        write(".opsdoc.yml", ONLY_OURS + """
                types:
                  runbook:
                    file: runbook.md
                    sections: [Overview, {title: Rollback, aliases: [Rollback Plan]}]
                custom-rules:
                  runbook-rollback:
                    kind: require-section
                    document-types: runbook
                    section: Rollback
                    aliases: [Rollback Plan]
                    message: Add a {section} section
                """);
        write("ops/runbook.md", "# Runbook\n\n## Overview\n\nRestart the worker pool.\n");
        Run run = run("check", dir.toString(), "--fail-on", "none");
        assertThat(run.out()).contains("[custom/runbook-rollback] Add a Rollback section");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            YAML syntax         | 'rules:\\n  a: [b\\n'                                                  | 3:1  | invalid YAML
            unknown key         | 'rulez:\\n  markdown/heading-increment: off\\n'                        | 1:1  | unknown top-level key 'rulez'; did you mean 'rules'?
            wrong type          | 'ignore:\\n  drafts: true\\n'                                          | 2:3  | ignore must be a text value or a list, not a mapping
            unknown level       | 'rules:\\n  config/unused-suppression: loud\\n'                         | 2:30 | unknown level 'loud'
            unknown rule        | 'rules:\\n  config/unused-supression: off\\n'                           | 2:3  | unknown rule 'config/unused-supression'; did you mean 'config/unused-suppression'?
            unknown option      | 'rules:\\n  config/unused-suppression:\\n    options: {unknown-rule: 1}\\n' | 3:15 | unknown option 'unknown-rule' for config/unused-suppression; did you mean 'unknown-rules'?
            option type         | 'rules:\\n  config/unused-suppression:\\n    options: {unknown-rules: 3}\\n' | 3:15 | option 'unknown-rules' of config/unused-suppression must be true or false
            option range        | 'rules:\\n  terraform/backup-retention:\\n    options: {minimum-days: 0}\\n' | 3:15 | option 'minimum-days' of terraform/backup-retention must be at least 1
            option number       | 'rules:\\n  consistency/alert-vs-slo:\\n    options: {max-burn-rate: fast}\\n' | 3:15 | option 'max-burn-rate' of consistency/alert-vs-slo must be a number
            option port list    | 'rules:\\n  terraform/open-ingress:\\n    options: {allowed-ports: [443, ssh]}\\n' | 3:15 | option 'allowed-ports' of terraform/open-ingress must be a list of port numbers (0-65535)
            invalid regex       | 'custom-rules:\\n  x:\\n    kind: forbid-pattern\\n    message: m\\n    pattern: \"(unclosed\"\\n' | 5:14 | invalid regular expression
            unknown kind        | 'custom-rules:\\n  x:\\n    kind: forbid-patern\\n    message: m\\n'     | 3:11 | unknown kind 'forbid-patern' of custom rule x; did you mean 'forbid-pattern'?
            unknown doc type    | 'documents:\\n  plan.md: cicd-pipline\\n'                              | 2:12 | unknown document type 'cicd-pipline'; did you mean 'cicd-pipeline'?
            missing extends     | 'extends: ./nowhere.yml\\n'                                            | 1:10 | extends './nowhere.yml': no such file
            unknown preset      | 'extends: stricter\\n'                                                 | 1:10 | did you mean 'strict'?
            """)
    void badConfigurationIsOneLineWithPosition(String name, String yaml, String position, String message) throws Exception {
        Path config = write(".opsdoc.yml", yaml.replace("\\n", "\n"));
        write("docs/cicd-pipeline.md", PIPELINE);
        Run run = run("check", dir.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.USAGE);
        List<String> errLines = run.err().lines().toList();
        assertThat(errLines).hasSize(1);
        assertThat(errLines.get(0)).startsWith("opsdoc: " + config.toString().replace('\\', '/') + ":" + position + ": ")
                .contains(message).doesNotContain("Exception");

        Run print = run("config", "--print", dir.toString());
        assertThat(print.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(print.err().lines().toList()).hasSize(1);
    }
}
