package io.opsdoc.cli.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.opsdoc.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs action/run.sh as the composite action does, with a fake GITHUB_OUTPUT and GITHUB_WORKSPACE
 * and a real opsdoc: a manifest-only jar whose Class-Path is this test's class path, so the
 * script's {@code java -jar} starts {@link Main} without a package step.
 */
class ActionScriptTest {
    @TempDir
    static Path jarFolder;

    private static Path jar;

    @TempDir
    Path workspace;

    private Path githubOutput;

    @BeforeAll
    static void launcherJar() throws IOException {
        assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "bash is needed");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.exists(path)) {
                entries.add(path.toUri().toString());
            }
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", entries));
        jar = jarFolder.resolve("opsdoc.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // manifest only
        }
    }

    @BeforeEach
    void planningSet() throws IOException {
        RepositoryFiles.copyPlanningSet(workspace.resolve("docs/planning"));
        githubOutput = workspace.resolve("github-output.txt");
    }

    @Test
    void annotatesWritesSarifAndFailsOnErrors() throws Exception {
        Run run = run(Map.of("INPUT_PATHS", "docs/planning", "INPUT_CATEGORY", "planning-docs"));
        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.out).contains("::error file=docs/planning/cicd-pipeline.md,line=")
                .contains("title=opsdoc github-actions/unpinned-action::");
        Path sarif = workspace.resolve("opsdoc.sarif");
        assertThat(Files.readString(sarif)).contains("2.1.0").contains("planning-docs");
        assertThat(outputs()).containsEntry("exit-code", "1").containsEntry("sarif-file", sarif.toString());
    }

    @Test
    void failOnNonePassesAndSeveralPathsAreOnePerLine() throws Exception {
        Files.writeString(workspace.resolve("README.md"), "# Service\n\nNothing to plan here.\n");
        Run run = run(Map.of("INPUT_PATHS", "\n  docs/planning  \nREADME.md\n", "INPUT_FAIL_ON", "none",
                "INPUT_SARIF_FILE", ""));
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("::error file=docs/planning/").contains("in 5 files");
        assertThat(workspace.resolve("opsdoc.sarif")).doesNotExist();
        assertThat(outputs()).containsEntry("exit-code", "0").containsEntry("sarif-file", "");
    }

    @Test
    void theSameFindingsAsTheCommandLine() throws Exception {
        Run run = run(Map.of("INPUT_PATHS", "docs/planning", "INPUT_FORMAT", "text", "INPUT_FAIL_ON", "none"));
        assertThat(run.code).as(run.err).isZero();
        java.io.StringWriter out = new java.io.StringWriter();
        Main.run(new String[] {"check", workspace.resolve("docs/planning").toString(), "--fail-on", "none"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
        // The in-process run prints paths relative to the module folder, the action relative to the workspace.
        assertThat(findingsOf(run.out)).isNotEmpty().isEqualTo(findingsOf(out.toString()));
    }

    @Test
    void aConfigurationFileIsPassedOn() throws Exception {
        Files.writeString(workspace.resolve("ci-opsdoc.yml"), "rules:\n  github-actions/*: off\n");
        Run run = run(Map.of("INPUT_PATHS", "docs/planning", "INPUT_CONFIG", "ci-opsdoc.yml", "INPUT_FAIL_ON", "none"));
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).doesNotContain("github-actions/");
        assertThat(Files.readString(workspace.resolve("opsdoc.sarif"))).doesNotContainPattern("\"ruleId\"\\s*:\\s*\"github-actions/");
    }

    @Test
    void aUsageErrorExitsTwoWithoutOutputsThatLookValid() throws Exception {
        Run run = run(Map.of("INPUT_PATHS", "docs/planning", "INPUT_FAIL_ON", "sometimes"));
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("unknown --fail-on 'sometimes'");
        assertThat(outputs()).containsEntry("exit-code", "2");
    }

    @Test
    void aMissingJarIsReportedAsAnAnnotation() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(Map.of("INPUT_PATHS", "docs/planning"));
        env.put("OPSDOC_JAR", workspace.resolve("nowhere/opsdoc.jar").toString());
        Run run = run(env);
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("::error title=opsdoc::opsdoc jar not found");
        assertThat(outputs()).containsEntry("exit-code", "2").containsEntry("sarif-file", "");
    }

    private static List<String> findingsOf(String text) {
        return Arrays.stream(text.split("\n"))
                .filter(l -> l.matches(".*\\.md:\\d+:\\d+: .*"))
                .map(l -> l.substring(l.lastIndexOf('/') + 1))
                .toList();
    }

    private Map<String, String> outputs() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(githubOutput)) {
            int eq = line.indexOf('=');
            outputs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return outputs;
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(Map<String, String> inputs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", RepositoryFiles.file("action/run.sh").toString());
        builder.directory(workspace.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("INPUT_") || k.startsWith("GITHUB_") || k.equals("OPSDOC_JAR"));
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("GITHUB_OUTPUT", githubOutput.toString());
        env.put("GITHUB_ACTION_PATH", RepositoryFiles.root().toString());
        env.put("OPSDOC_JAR", jar.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(inputs);
        Path stdout = workspace.resolve("stdout.txt");
        Path stderr = workspace.resolve("stderr.txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("run.sh finished").isTrue();
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
