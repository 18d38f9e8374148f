package io.opsdoc.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdoc.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the goal as Maven would (fields set, then execute()) on a copy of examples/planning. */
class CheckMojoTest {
    @TempDir
    Path project;

    private Path planning;
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void copyPlanningSet() throws IOException {
        planning = Files.createDirectories(project.resolve("docs/planning"));
        try (Stream<Path> files = Files.list(repositoryRoot().resolve("examples/planning"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Files.copy(file, planning.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void failsTheBuildOnErrorsAndLogsTheFindings() {
        CheckMojo mojo = mojo();
        mojo.paths = List.of(new File("docs/planning"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("at or above 'error'");
        assertThat(logged).anyMatch(l -> l.startsWith("[warn] ") && l.contains("cicd-pipeline.md:")
                && l.contains("error [github-actions/unpinned-action]"));
    }

    @Test
    void reportsTheSameFindingsAsTheCommandLine() throws Exception {
        CheckMojo mojo = mojo();
        mojo.paths = List.of(new File("docs/planning"));
        mojo.format = "json";
        mojo.output = new File("target/opsdoc.json");
        mojo.failOn = "none";
        mojo.jobs = 1;
        mojo.execute();

        JsonNode fromPlugin = new ObjectMapper().readTree(project.resolve("target/opsdoc.json").toFile());
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", planning.toString(), "--format", "json", "--fail-on", "none"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        JsonNode fromCli = new ObjectMapper().readTree(out.toString());
        assertThat(fromPlugin.get("findings")).isNotEmpty();
        assertThat(fromPlugin.get("findings")).isEqualTo(fromCli.get("findings"));
        assertThat(fromPlugin.get("summary")).isEqualTo(fromCli.get("summary"));
    }

    @Test
    void passesWhenNothingReachesTheThresholdAndWritesSarifWithTheCategory() throws Exception {
        CheckMojo mojo = mojo();
        mojo.format = "sarif";
        mojo.output = new File("target/opsdoc.sarif");
        mojo.failOn = "none";
        mojo.category = "planning-docs";
        mojo.execute();
        String sarif = Files.readString(project.resolve("target/opsdoc.sarif"));
        assertThat(sarif).contains("\"2.1.0\"").contains("planning-docs").contains("github-actions/unpinned-action");
    }

    @Test
    void aBaselineHidesKnownFindings() throws Exception {
        CheckMojo first = mojo();
        first.format = "sarif";
        first.output = new File("opsdoc-baseline.sarif");
        first.failOn = "none";
        first.execute();

        CheckMojo second = mojo();
        second.baseline = new File("opsdoc-baseline.sarif");
        second.execute();
        assertThat(logged).anyMatch(l -> l.contains("No problems found"));
    }

    @Test
    void aBadOptionIsABuildErrorNotAFailure() {
        CheckMojo mojo = mojo();
        mojo.format = "yaml";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .isNotInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown --format 'yaml'");
    }

    @Test
    void skipDoesNothing() throws Exception {
        CheckMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertThat(logged).containsExactly("[info] opsdoc: skipped");
    }

    @Test
    void mapsEveryParameterToTheCommandLineOption() {
        CheckMojo mojo = mojo();
        mojo.paths = List.of(new File("docs"), new File("-odd"));
        mojo.config = new File(".opsdoc.yml");
        mojo.category = "docs";
        mojo.jobs = 2;
        mojo.baseline = new File("b.sarif");
        mojo.output = new File("out.txt");
        String base = project.toString() + File.separator;
        assertThat(mojo.arguments()).containsExactly("check", "--format", "text", "--fail-on", "error",
                "--config", base + ".opsdoc.yml", "--output", base + "out.txt", "--category", "docs",
                "--baseline", base + "b.sarif", "--jobs", "2", "--", base + "docs", base + "-odd");
    }

    @Test
    void theGoalIsDescribedAndBoundToVerify() throws IOException {
        try (InputStream in = CheckMojo.class.getClassLoader().getResourceAsStream("META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin descriptor generated by maven-plugin-plugin").isNotNull();
            String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(descriptor).contains("<goalPrefix>opsdoc</goalPrefix>").contains("<goal>check</goal>")
                    .contains("<phase>verify</phase>");
            for (String parameter : List.of("paths", "config", "format", "output", "failOn", "category", "baseline", "jobs")) {
                assertThat(descriptor).contains("<name>" + parameter + "</name>");
            }
        }
    }

    private CheckMojo mojo() {
        CheckMojo mojo = new CheckMojo();
        mojo.basedir = project.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add("[info] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("[warn] " + content);
            }

            @Override
            public void error(CharSequence content) {
                logged.add("[error] " + content);
            }
        });
        return mojo;
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples/planning"))) {
                return p;
            }
        }
        throw new IllegalStateException("examples/planning not found above " + Path.of("").toAbsolutePath());
    }
}
