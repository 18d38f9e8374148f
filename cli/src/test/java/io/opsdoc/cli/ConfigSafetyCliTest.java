package io.opsdoc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 through the command line: a configuration cannot make opsdoc write outside the planning
 * folder or read and echo other files, lookup stays inside the checked tree, {@code config --print}
 * is valid {@code --config} input and configuration errors cannot inject lines.
 */
class ConfigSafetyCliTest {
    private static final String PIPELINE = """
            # CI/CD Pipeline

            ## CI/CD Overview

            Builds run on Jenkins today.
            """;

    /** Lines of a file that is not a configuration: none of them may appear in any message. */
    private static final List<String> SECRET_LINES = List.of("API_TOKEN=ghp_s3cr3tValue0123456789",
            "root:x:0:0:root:/root:/bin/bash", "PASSWORD: hunter2-correct-horse");

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** A repository at {@code dir/repo} with one planning document. */
    private Path repository() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        write("repo/docs/cicd-pipeline.md", PIPELINE);
        return repo;
    }

    private static void assertOneConfigError(CliRun run, Path config, String contains) {
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("opsdoc: " + slashes(config) + ":").contains(contains)
                .doesNotContain("Exception");
    }

    private static void assertNoSecret(CliRun run) {
        for (String line : SECRET_LINES) {
            for (String part : line.split("[=: ]+")) {
                if (part.length() > 4 && !part.equals("/bin/bash") && !part.equals("/root")) {
                    assertThat(run.out() + run.err()).as("output quotes '%s'", part).doesNotContain(part);
                }
            }
        }
    }

    // --- item 1: types.<type>.file stays inside the planning folder ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../../x/.ssh/authorized_keys", "/tmp/opsdoc-written.md", "docs/../../escape.md",
        "..\\escape.md", "C:/escape.md", "~/escape.md", "./../escape.md", "a//b.md", "\"bad\\nname.md\""})
    void typeFileOutsideThePlanningFolderIsAConfigError(String file) throws Exception {
        Path repo = repository();
        Path config = write("repo/.opsdoc.yml", "types: {cicd-pipeline: {file: " + (file.startsWith("\"") ? file
                : "'" + file + "'") + ", sections: [{title: O, guidance: \"any text\"}]}}\n");
        for (String command : List.of("check", "fix")) {
            CliRun run = CliRun.of(command, repo.toString());
            assertOneConfigError(run, config, "must be a relative path inside the planning folder");
            assertThat(run.err()).startsWith("opsdoc: " + slashes(config) + ":1:31: ");
        }
        assertThat(dir.resolve("x")).doesNotExist();
        assertThat(dir.resolve("escape.md")).doesNotExist();
        assertThat(Path.of("/tmp/opsdoc-written.md")).doesNotExist();
    }

    @Test
    void typeFileInsideThePlanningFolderIsAccepted() throws Exception {
        Path repo = repository();
        write("repo/.opsdoc.yml", "types: {runbook: {file: runbooks/runbook.md, sections: [Overview]}}\n");
        CliRun run = CliRun.of("check", repo.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
    }

    // --- item 2: extends never echoes another file and stays inside the repository ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "API_TOKEN=ghp_s3cr3tValue0123456789\nroot:x:0:0:root:/root:/bin/bash\n",
        "PASSWORD: hunter2-correct-horse\n",
        "PASSWORD: [hunter2-correct-horse\nAPI_TOKEN=ghp_s3cr3tValue0123456789\n",
        "rules:\n  config/unused-suppression:\n    options: {hunter2-correct-horse: 1}\n",
        "documents:\n  plan.md: hunter2-correct-horse\n",
        "rules:\n  \"hunter2-correct-horse\": off\n",
        "types:\n  x:\n    sections: [{title: A, parent: hunter2-correct-horse}]\n",
        "\tPASSWORD: hunter2-correct-horse\n"})
    void anExtendedFileIsNeverQuoted(String content) throws Exception {
        Path repo = repository();
        write("repo/secrets/.env", content);
        Path config = write("repo/.opsdoc.yml", "extends: secrets/.env\n");
        CliRun run = CliRun.of("check", repo.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
        assertThat(run.err()).contains("secrets/.env").doesNotContain("Exception");
        assertNoSecret(run);
        CliRun print = CliRun.of("config", "--print", repo.toString());
        assertThat(print.code()).isEqualTo(ExitCodes.USAGE);
        assertNoSecret(print);
        if (!content.startsWith("rules:\n  config") && !content.startsWith("documents") && !content.startsWith("rules:\n  \"")) {
            // Unusable as a configuration: reported at the extends entry of the user's own file.
            assertOneConfigError(run, config, "extends 'secrets/.env': not a usable opsdoc configuration (");
            assertThat(run.err()).startsWith("opsdoc: " + slashes(config) + ":1:10: ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../outside/secret.txt", "ABSOLUTE", "../../outside/secret.txt", "docs/link.txt"})
    void extendsOutsideTheRepositoryIsRefusedWithoutReadingIt(String target) throws Exception {
        Path repo = repository();
        Path secret = write("outside/secret.txt", String.join("\n", SECRET_LINES) + "\n");
        if (target.equals("docs/link.txt")) {
            try {
                Files.createSymbolicLink(repo.resolve(target), secret);
            } catch (UnsupportedOperationException | java.io.IOException e) {
                assumeTrue(false, "no symbolic links here");
            }
        }
        String written = target.equals("ABSOLUTE") ? slashes(secret) : target;
        Path config = write("repo/.opsdoc.yml", "extends: '" + written + "'\n");
        CliRun run = CliRun.of("check", repo.toString());
        assertOneConfigError(run, config, "extends '" + written + "': outside the repository root");
        assertNoSecret(run);
    }

    @Test
    void aConfigGivenOnTheCommandLineMayLiveAndExtendOutsideTheRepository() throws Exception {
        Path repo = repository();
        write("team/base.yml", "rules:\n  \"*\": off\n");
        Path team = write("team/opsdoc.yml", "extends: ./base.yml\nrules:\n  markdown/heading-increment: warning\n");
        CliRun run = CliRun.of("config", "--print", "--config", team.toString(), repo.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("markdown/heading-increment: warning").contains("structure/required-section: off");

        Path elsewhere = write("other/secret.txt", String.join("\n", SECRET_LINES) + "\n");
        for (String name : List.of("secret.txt", "secret.yml")) {
            Path given = write("other/" + name, String.join("\n", SECRET_LINES) + "\n");
            CliRun notAConfig = CliRun.of("check", "--config", given.toString(), repo.toString());
            assertOneConfigError(notAConfig, given, name.endsWith(".yml") ? "invalid YAML" : "YAML error");
            assertNoSecret(notAConfig);
        }
        Path passwd = write("other/passwd", SECRET_LINES.get(1) + "\n" + SECRET_LINES.get(0) + "\n");
        CliRun passwdRun = CliRun.of("check", "--config", passwd.toString(), repo.toString());
        assertOneConfigError(passwdRun, passwd, "the configuration must be a mapping (key: value), not a text value");
        assertNoSecret(passwdRun);
        Path env = write("other/.env", "PASSWORD: hunter2-correct-horse\n");
        CliRun envRun = CliRun.of("check", "--config", env.toString(), repo.toString());
        assertOneConfigError(envRun, env, "unknown top-level key (not shown)");
        assertNoSecret(envRun);
        Files.writeString(team, "extends: '" + slashes(elsewhere) + "'\n");
        CliRun refused = CliRun.of("check", "--config", team.toString(), repo.toString());
        assertOneConfigError(refused, team, "outside the repository root");
        assertNoSecret(refused);
    }

    // --- item 10: config --print is valid --config input ---

    @Test
    void printedConfigurationIsValidInputWithTheSameRules() throws Exception {
        Path repo = repository();
        write("repo/shared/team.yml", """
                rules:
                  config/unused-suppression:
                    level: warning
                    options: {unknown-rules: false}
                custom-rules:
                  no-jenkins:
                    kind: forbid-pattern
                    pattern: '\\bJenkins\\b'
                    ignore-case: true
                    message: "replace {match}"
                  run-as-non-root:
                    kind: require-key
                    level: error
                    path: spec.template.spec.securityContext.runAsNonRoot
                    where: {kind: [Deployment, StatefulSet]}
                    message: Set {path}
                """);
        write("repo/.opsdoc.yml", """
                extends: [strict, shared/team.yml]
                rules:
                  markdown/heading-increment: off
                types:
                  runbook:
                    file: runbook.md
                    title: Service Runbook
                    sections:
                      - Overview
                      - title: Rollback
                        aliases: [Rollback Plan]
                        guidance: How to go back.
                      - {title: Steps, parent: Rollback}
                """);
        CliRun print = CliRun.of("config", "--print", repo.toString());
        assertThat(print.code()).as(print.err()).isZero();
        // No anchors (&id001) or aliases (*id001): SnakeYAML writes them for shared objects.
        assertThat(print.out()).doesNotContainPattern("(?m)(: |- )[&*]id\\d+").doesNotContainPattern("(?m)^files:");
        assertThat(print.out()).contains("custom-rules:").contains("no-jenkins:").contains("runbook:");

        Path printed = write("printed.yml", print.out());
        CliRun check = CliRun.of("check", "--config", printed.toString(), repo.toString(), "--fail-on", "none");
        assertThat(check.code()).as(check.err()).isZero();
        assertThat(check.err()).doesNotContain(slashes(printed));
        assertThat(check.out()).contains("[custom/no-jenkins]");

        CliRun again = CliRun.of("config", "--print", "--config", printed.toString(), repo.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(body(again.out())).isEqualTo(body(print.out()));
    }

    /** The printed configuration without its comment lines (which name the files it came from). */
    private static List<String> body(String printed) {
        return printed.lines().filter(l -> !l.startsWith("#")).toList();
    }

    // --- item 11: outside git, lookup stops at the checked folder ---

    @Test
    void outsideGitAParentConfigurationOfTheCheckedFolderIsNotRead() throws Exception {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            assertThat(p.resolve(".git")).as("the temporary folder must not be inside a git work tree").doesNotExist();
        }
        // Broken on purpose: reading it would stop the run with exit code 2.
        write(".opsdoc.yml", "rulez: {}\n");
        write("sub/cicd-pipeline.md", PIPELINE);
        write("sub/nested/cicd-pipeline.md", PIPELINE);
        CliRun sub = CliRun.of("check", dir.resolve("sub").toString(), "--fail-on", "none");
        assertThat(sub.code()).as(sub.err()).isZero();
        CliRun file = CliRun.of("check", dir.resolve("sub/nested/cicd-pipeline.md").toString(), "--fail-on", "none");
        assertThat(file.code()).as(file.err()).isZero();
        CliRun print = CliRun.of("config", "--print", dir.resolve("sub").toString());
        assertThat(print.code()).as(print.err()).isZero();

        CliRun top = CliRun.of("check", dir.toString(), "--fail-on", "none");
        assertThat(top.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(top.err()).contains("rulez");

        // A configuration inside the checked folder still applies to its sub-folders.
        Files.delete(dir.resolve(".opsdoc.yml"));
        write("sub/.opsdoc.yml", "rules:\n  \"*\": off\n  custom/*: on\ncustom-rules:\n  no-jenkins:\n"
                + "    kind: forbid-pattern\n    pattern: Jenkins\n    message: replace {match}\n");
        CliRun nested = CliRun.of("check", dir.resolve("sub").toString(), "--fail-on", "none");
        assertThat(nested.out().lines().filter(l -> l.contains("[custom/no-jenkins]")).count()).as(nested.out()).isEqualTo(2);
    }

    // --- control characters from configuration files never start a line ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "rules:\n  \"X\\n::error file=README.md,line=1::Build passed\": off\n",
        "documents:\n  plan.md: \"x\\r\\n::error::forged\\e[31m\"\n",
        "\"\\n::error::forged\": 1\n",
        "extends: \"\\n::error::forged\"\n",
        "types:\n  runbook:\n    file: \"\\n::error::forged.md\"\n"})
    void configurationMessagesEscapeControlCharacters(String yaml) throws Exception {
        Path repo = repository();
        Path config = write("repo/.opsdoc.yml", yaml);
        CliRun run = CliRun.of("check", repo.toString());
        assertOneConfigError(run, config, "");
        assertThat(run.err()).doesNotContain("\u001b").doesNotContain("\r");
        assertThat(run.err().lines()).noneMatch(l -> l.startsWith("::"));
    }
}
